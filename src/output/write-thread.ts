/**
 * The file-writing thread's entry (compiled as `writer.mjs`, started by `WriteThread`).
 * It makes folders and writes files in the order they are sent, and answers each with the
 * file's size and modification time (or why it could not be written). Answers are read by
 * the main thread with `receiveMessageOnPort`, never by a listener, so that it can wait for
 * them synchronously; `shared` counts what is done, for that wait.
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { FolderMaker } from './folders.ts';
import { DONE, FLUSHED, type WriteAnswer, type WriteRequest } from './write-protocol.ts';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
const folders = new FolderMaker();

port.on('message', (request: WriteRequest) => {
  if (request.type === 'flush') {
    Atomics.add(shared, FLUSHED, 1);
    Atomics.notify(shared, FLUSHED);
    return;
  }
  let answer: WriteAnswer;
  try {
    folders.make(path.dirname(request.target));
    writeFileSync(request.target, request.content);
    const stat = statSync(request.target);
    answer = { target: request.target, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    answer = { target: request.target, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
  Atomics.add(shared, DONE, 1);
  Atomics.notify(shared, DONE);
});
