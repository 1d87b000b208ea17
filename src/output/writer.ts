import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a build puts its files. `build` writes to disk, tests and the dev server keep
 * everything in memory, and `check` writes nothing, all through the same calls.
 */
export interface Writer {
  /** Writes a file; `file` is relative to the output folder, forward slashes. */
  write(file: string, content: string | Uint8Array): void;
  /** Copies a file from disk into the output. */
  copy(from: string, file: string): void;
  /** Makes everything written visible at once. Called only when the build succeeded. */
  commit(): void;
  /** Throws away what was written. */
  abort(): void;
}

/** Keeps the output in a map: for tests, `check` and the dev server. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  private pending = new Map<string, string | Uint8Array>();

  write(file: string, content: string | Uint8Array): void {
    this.pending.set(file, content);
  }
  copy(from: string, file: string): void {
    this.pending.set(file, readFileSync(from));
  }
  commit(): void {
    this.files.clear();
    for (const [file, content] of this.pending) this.files.set(file, content);
    this.pending = new Map();
  }
  abort(): void {
    this.pending = new Map();
  }
  /** A written file as text, for tests. */
  text(file: string): string | undefined {
    const content = this.files.get(file);
    return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}

/** The file that marks a folder as made by this generator: only such folders are ever replaced. */
export const OUTPUT_MARKER = '.docsmith-output';

/**
 * Writes into a fresh sibling folder and swaps it in on commit, so a failed or killed
 * build leaves the previous site untouched and readers never see half a site.
 */
export class DiskWriter implements Writer {
  private readonly staging: string;

  constructor(private readonly outDir: string) {
    this.staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging-${process.pid}-${Date.now()}`);
    mkdirSync(this.staging, { recursive: true });
    writeFileSync(path.join(this.staging, OUTPUT_MARKER), 'This folder is build output; it is replaced on every build.\n');
  }

  write(file: string, content: string | Uint8Array): void {
    const target = path.join(this.staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }

  copy(from: string, file: string): void {
    const target = path.join(this.staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(from, target);
  }

  commit(): void {
    const previous = `${this.staging}-previous`;
    const hadOutput = existsSync(this.outDir);
    if (hadOutput) renameSync(this.outDir, previous);
    renameSync(this.staging, this.outDir);
    if (hadOutput) rmSync(previous, { recursive: true, force: true });
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
