/** What the main thread and the file-writing thread (write-thread.ts) say to each other. */

/**
 * A file to write (`target` is absolute); folders to delete, with everything in them; or a
 * request to say when everything sent before it is done. Handled in the order sent.
 */
export type WriteRequest =
  | { type: 'write'; target: string; content: string | Uint8Array }
  | { type: 'remove'; targets: string[] }
  | { type: 'flush' };

/**
 * The answer to a flush: for each file written since the last one, in the order sent, its
 * size and time for the manifest, or why it failed. One message for them all, read by
 * position, so nothing but the order ties an answer to its file.
 */
export interface WriteAnswers {
  sizes: number[];
  mtimes: number[];
  /** By index into the files since the last flush. */
  errors: Array<[index: number, message: string]>;
}

/** Slots of the shared counters: files written (or failed) so far, and flush requests answered. */
export const DONE = 0;
export const FLUSHED = 1;
