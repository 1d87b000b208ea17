/** What the main thread and the file-writing thread (write-thread.ts) say to each other. */

/**
 * A file to write (`target` is absolute); folders to delete, with everything in them; or a
 * request to say when everything sent before it is done. Sent in batches, in order.
 */
export type WriteRequest =
  | { type: 'write'; target: string; content: string | Uint8Array }
  | { type: 'remove'; targets: string[] }
  | { type: 'flush' };

/** One per file written, in the order they were sent: its size and time for the manifest, or why it failed. */
export type WriteAnswer = { target: string; size: number; mtimeMs: number } | { target: string; error: string };

/** Slots of the shared counters: files written (or failed) so far, and flush requests answered. */
export const DONE = 0;
export const FLUSHED = 1;
