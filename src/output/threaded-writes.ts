import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { WRITER_URL } from '../runtime.ts';
import { DONE, FLUSHED, type WriteAnswers, type WriteRequest } from './write-protocol.ts';

/**
 * Files written on a thread of their own. Making a page's folder and writing its two files
 * is kernel work: about a fifth of the main thread's time when every page is laid out again
 * from the render cache, where the second core otherwise sits idle. The main thread hands a
 * file over and goes on laying out the next page.
 *
 * Everything here is synchronous for the caller, as the writer's contract is: `settle()`
 * blocks until every file sent so far is on disk and returns what each became. At most
 * `MAX_QUEUED` files wait, so a slow disk holds back the build rather than filling memory
 * with pages. Each file goes over at once: pages held back to send in batches lived long
 * enough to reach V8's old generation, and a 16,000-page re-layout peaked 400 MB higher.
 */
export class ThreadedWrites {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  /** Files posted to the thread. */
  private sent = 0;
  private flushes = 0;
  /** Whether files were sent since the last settle. */
  private unsettled = false;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WRITER_URL, { workerData: { port: port2, shared: this.shared }, transferList: [port2] });
    // Nothing here keeps the process alive: settle() waits for what it needs.
    this.worker.unref();
  }

  write(target: string, content: string | Uint8Array): void {
    if (this.sent - Atomics.load(this.shared, DONE) >= MAX_QUEUED) this.waitFor(DONE, this.sent - MAX_QUEUED + 1);
    this.post({ type: 'write', target, content });
    this.sent++;
    this.unsettled = true;
  }

  /**
   * Deletes folders (with everything in them) on the thread, while the caller deletes
   * others: unlinking thousands of files is kernel work two cores can share.
   */
  remove(targets: string[]): void {
    this.post({ type: 'remove', targets });
    this.unsettled = true;
  }

  /** Waits until every file sent is written; returns what each one became, in the order sent since the last settle. */
  settle(): WriteAnswers {
    if (!this.unsettled) return { sizes: [], mtimes: [], errors: [] };
    this.unsettled = false;
    const flushed = ++this.flushes;
    this.post({ type: 'flush' });
    this.waitFor(FLUSHED, flushed);
    return receiveMessageOnPort(this.port)!.message as WriteAnswers;
  }

  /** Stops the thread (after `settle()`, or to drop what is still queued). */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Blocks until the counter in `slot` reaches `count`; throws when the thread stops answering. */
  private waitFor(slot: typeof DONE | typeof FLUSHED, count: number): void {
    let progress = Atomics.load(this.shared, DONE);
    let since = performance.now();
    for (let seen = Atomics.load(this.shared, slot); seen < count; seen = Atomics.load(this.shared, slot)) {
      Atomics.wait(this.shared, slot, seen, WAIT_SLICE_MS);
      const done = Atomics.load(this.shared, DONE);
      if (done !== progress) [progress, since] = [done, performance.now()];
      else if (performance.now() - since > STALLED_MS) throw new Error(`the file-writing thread wrote nothing for ${STALLED_MS / 1000} s; it may have run out of memory`);
    }
  }

  private post(request: WriteRequest): void {
    this.port.postMessage(request);
  }
}

/** Files sent but not yet written, at most: about 10 MB of pages. */
const MAX_QUEUED = 256;
/**
 * A wait wakes this often to see whether the thread still makes progress: one that died
 * (out of memory, say) cannot tell, and the build must fail rather than hang.
 */
const WAIT_SLICE_MS = 1000;
/** No file written for this long while the build waits: the thread is gone. */
const STALLED_MS = 60_000;
