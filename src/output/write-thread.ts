/**
 * The file-writing thread's entry (compiled as `writer.mjs`, started by `ThreadedWrites`).
 * It makes folders, writes files and deletes folders in the order they are sent, and at
 * each flush answers with every file's size and modification time (or why it could not be
 * written). The answer is read by the main thread with `receiveMessageOnPort`, never by a
 * listener, so that it can wait for it synchronously; `shared` counts what is done, for
 * that wait.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { FolderMaker } from './folders.ts';
import { DONE, FLUSHED, type WriteAnswers, type WriteRequest } from './write-protocol.ts';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
const folders = new FolderMaker();
let answers: WriteAnswers = { sizes: [], mtimes: [], errors: [] };

port.on('message', (request: WriteRequest) => {
  if (request.type === 'write') write(request.target, request.content);
  else if (request.type === 'remove') {
    for (const target of request.targets) {
      try {
        rmSync(target, { recursive: true, force: true });
      } catch {
        // Left for the main thread, which deletes what is left and reports what it cannot.
      }
    }
  } else {
    port.postMessage(answers);
    answers = { sizes: [], mtimes: [], errors: [] };
    Atomics.add(shared, FLUSHED, 1);
    Atomics.notify(shared, FLUSHED);
  }
});

function write(target: string, content: string | Uint8Array): void {
  let size = -1;
  let mtime = -1;
  try {
    folders.make(path.dirname(target));
    writeFileSync(target, content);
    const stat = statSync(target);
    [size, mtime] = [stat.size, stat.mtimeMs];
  } catch (error) {
    answers.errors.push([answers.sizes.length, error instanceof Error ? error.message : String(error)]);
  }
  answers.sizes.push(size);
  answers.mtimes.push(mtime);
  Atomics.add(shared, DONE, 1);
  Atomics.notify(shared, DONE);
}
