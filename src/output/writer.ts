import { readFileSync } from 'node:fs';
import { contentFingerprint } from './fingerprint.ts';

export { contentFingerprint } from './fingerprint.ts';
export { OUTPUT_MARKER } from './guard.ts';
export { DiskWriter, type DiskWriterOptions } from './disk-writer.ts';
export { recoverLeftovers } from './leftovers.ts';

/**
 * Where a build puts its files. `build` writes to disk, tests and the dev server keep
 * everything in memory, and `check` writes nothing, all through the same calls.
 *
 * Every file carries a fingerprint: a hash of everything it is made from (a page's key).
 * A writer tells what its current output holds by fingerprint (`current`); the build's
 * plan decides from that which files to carry over unchanged instead of making them
 * again: that is what makes a rebuild with little changed cheap.
 */
export interface Writer {
  /** What the current output holds, for the build's plan. */
  readonly current: OutputContents;
  /** Writes a file; `file` is relative to the output folder, forward slashes. Without a fingerprint, the content's hash is one. */
  write(file: string, content: string | Uint8Array, fingerprint?: string): void;
  /** Copies a file from disk into the output. */
  copy(from: string, file: string): void;
  /** Puts `file` into the new output as the current one holds it from `fingerprint` (the plan found it in `current`). */
  carry(file: string, fingerprint: string): void;
  /** What the new output holds at `file` so far (written or carried), as text; `undefined` when nothing, or for a writer that keeps nothing. */
  read(file: string): string | undefined;
  /** Makes everything written and carried visible at once. Called only when the build succeeded. */
  commit(): void;
  /** Throws away what was written. */
  abort(): void;
}

/** The current output as a manifest of fingerprints: what a build may carry over instead of making again. */
export interface OutputContents {
  /** Whether the output holds `file`, written from `fingerprint` and untouched since. */
  holds(file: string, fingerprint: string): boolean;
  /** The files under `folder` when it holds some and every one is held from `fingerprint`; otherwise `undefined` (a search index is one piece). */
  folder(folder: string, fingerprint: string): readonly string[] | undefined;
}

/** Output files by path, with the fingerprint each was written from. */
export class FileSet implements OutputContents {
  readonly content = new Map<string, string | Uint8Array>();
  readonly fingerprints = new Map<string, string>();

  set(file: string, content: string | Uint8Array, fingerprint: string): void {
    this.content.set(file, content);
    this.fingerprints.set(file, fingerprint);
  }
  delete(file: string): void {
    this.content.delete(file);
    this.fingerprints.delete(file);
  }
  holds(file: string, fingerprint: string): boolean {
    return this.fingerprints.get(file) === fingerprint;
  }
  folder(folder: string, fingerprint: string): readonly string[] | undefined {
    const inside = [...this.content.keys()].filter((file) => file.startsWith(`${folder}/`));
    return inside.length > 0 && inside.every((file) => this.holds(file, fingerprint)) ? inside : undefined;
  }
}

/** Keeps the output in a map: for tests and scripts. */
export class MemoryWriter implements Writer {
  private committed = new FileSet();
  private pending = new FileSet();

  /** The committed files; replaced whole by each commit. */
  get files(): ReadonlyMap<string, string | Uint8Array> {
    return this.committed.content;
  }
  get current(): OutputContents {
    return this.committed;
  }
  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    this.pending.set(file, content, fingerprint);
  }
  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }
  carry(file: string, fingerprint: string): void {
    if (this.committed.holds(file, fingerprint)) this.pending.set(file, this.committed.content.get(file)!, fingerprint);
  }
  read(file: string): string | undefined {
    return asText(this.pending.content.get(file));
  }
  commit(): void {
    // A swap, not a copy.
    this.committed = this.pending;
    this.abort();
  }
  abort(): void {
    this.pending = new FileSet();
  }
  /** A written file as text, for tests. */
  text(file: string): string | undefined {
    return asText(this.committed.content.get(file));
  }
}

/** Everything is "held" already: `check` lays out no page only to throw it away, and writes nothing. */
const HOLDS_EVERYTHING: OutputContents = { holds: () => true, folder: () => [] };

/** For `check`: writes nothing. */
export class DiscardWriter implements Writer {
  readonly current = HOLDS_EVERYTHING;
  write(): void {}
  copy(): void {}
  carry(): void {}
  read(): undefined {}
  commit(): void {}
  abort(): void {}
}

/** A file's content as text (UTF-8). */
export function asText(content: string | Uint8Array | undefined): string | undefined {
  return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}
