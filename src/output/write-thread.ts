/**
 * The file-writing thread's entry (compiled as `writer.mjs`, started by `ThreadedWrites`).
 * It makes folders, writes files and deletes folders in the order they are sent, and
 * answers each file with its size and modification time (or why it could not be written).
 * Answers are read by the main thread with `receiveMessageOnPort`, never by a listener, so
 * that it can wait for them synchronously; `shared` counts what is done, for that wait.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { FolderMaker } from './folders.ts';
import { DONE, FLUSHED, type WriteAnswer, type WriteRequest } from './write-protocol.ts';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
const folders = new FolderMaker();

port.on('message', (requests: WriteRequest[]) => {
  for (const request of requests) {
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
      Atomics.add(shared, FLUSHED, 1);
      Atomics.notify(shared, FLUSHED);
    }
  }
});

function write(target: string, content: string | Uint8Array): void {
  let answer: WriteAnswer;
  try {
    folders.make(path.dirname(target));
    writeFileSync(target, content);
    const stat = statSync(target);
    answer = { target, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    answer = { target, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
  Atomics.add(shared, DONE, 1);
  Atomics.notify(shared, DONE);
}
