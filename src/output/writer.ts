import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { notReplaceableReason, OUTPUT_MARKER } from './guard.ts';

export { OUTPUT_MARKER } from './guard.ts';

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

/**
 * Writes into a fresh sibling folder and swaps it in on commit, so a failed or killed
 * build leaves the previous site untouched and readers never see half a site.
 *
 * The staging folder is `.<name>-staging-<pid>-<time>` next to the output. A build
 * killed outright (SIGKILL, power loss) leaves it behind; the next DiskWriter for the
 * same output removes it once that process is gone, and if the build died between
 * moving the old output aside and moving the new one in, puts the old output back.
 */
export class DiskWriter implements Writer {
  private readonly outDir: string;
  private readonly staging: string;

  /** Throws, before touching anything, when `outDir` exists and is not this generator's output. */
  constructor(outDir: string) {
    this.outDir = path.resolve(outDir);
    const refused = notReplaceableReason(this.outDir);
    if (refused) throw new Error(`refusing to write: ${refused}`);
    recoverLeftovers(this.outDir);
    this.staging = path.join(path.dirname(this.outDir), `${stagingPrefix(this.outDir)}${process.pid}-${Date.now()}`);
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
    // Checked again: the folder may have been replaced by something else while the build ran.
    const refused = notReplaceableReason(this.outDir);
    if (refused) {
      this.abort();
      throw new Error(`refusing to replace the output: ${refused}`);
    }
    const previous = `${this.staging}${PREVIOUS_SUFFIX}`;
    const hadOutput = existsSync(this.outDir);
    if (hadOutput) renameSync(this.outDir, previous);
    renameSync(this.staging, this.outDir);
    if (hadOutput) rmSync(previous, { recursive: true, force: true });
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}

const PREVIOUS_SUFFIX = '-previous';
const LEFTOVER = /^(\d+)-\d+(-previous)?$/;

function stagingPrefix(outDir: string): string {
  return `.${path.basename(outDir)}-staging-`;
}

/**
 * Puts right what killed builds left next to `outDir`: staging folders (and old
 * outputs moved aside) of processes that no longer run are deleted, and an old output
 * moved aside by a build that died before moving its new one in is restored. Only
 * folders named by this writer, holding its marker or nothing, are touched.
 */
export function recoverLeftovers(outDir: string): void {
  const parent = path.dirname(outDir);
  const prefix = stagingPrefix(outDir);
  let names: string[];
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(prefix)).sort();
  } catch {
    return; // no parent folder yet: nothing left over
  }
  const leftovers = names.flatMap((name) => {
    const match = LEFTOVER.exec(name.slice(prefix.length));
    return match && !isRunning(Number(match[1])) ? [{ name, previous: match[2] !== undefined }] : [];
  });
  // Died mid-swap: the old output was moved aside and the new one (its staging folder) not yet moved in.
  if (!existsSync(outDir)) {
    const aside = leftovers.filter((l) => l.previous && names.includes(l.name.slice(0, -PREVIOUS_SUFFIX.length))).at(-1);
    if (aside && isOurs(path.join(parent, aside.name))) renameSync(path.join(parent, aside.name), outDir);
  }
  for (const { name } of leftovers) {
    const folder = path.join(parent, name);
    if (existsSync(folder) && isOurs(folder)) rmSync(folder, { recursive: true, force: true });
  }
}

/** Made by a DiskWriter: has the marker, or is empty (killed before writing it). */
function isOurs(folder: string): boolean {
  try {
    const entries = readdirSync(folder);
    return entries.length === 0 || entries.includes(OUTPUT_MARKER);
  } catch {
    return false;
  }
}

/** Whether a process with this id runs (this one included: its other writers are in use). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
