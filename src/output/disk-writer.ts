import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FolderMaker } from './folders.ts';
import { notReplaceableReason, OUTPUT_MARKER } from './guard.ts';
import { PREVIOUS_SUFFIX, recoverLeftovers, stagingPrefix } from './leftovers.ts';
import { contentFingerprint } from './fingerprint.ts';
import { ThreadedWrites } from './threaded-writes.ts';
import type { OutputContents, Writer } from './writer.ts';

/** What a DiskWriter recorded of the output it committed: each file's fingerprint, size and modification time. */
interface OutputManifest {
  version: 1;
  outDir: string;
  files: Record<string, [fingerprint: string, size: number, mtimeMs: number]>;
}

export interface DiskWriterOptions {
  /**
   * Where to record what the output holds (a file in the build cache), so the next
   * build can keep unchanged files. Without it every build writes every file.
   */
  manifest?: string;
}

/**
 * Writes into a fresh sibling folder and swaps it in on commit, so a failed or killed
 * build leaves the previous site untouched and readers never see half a site.
 *
 * Files kept from the previous output are hard-linked into the new one (no copying);
 * when every file is kept and none was added or removed, the output is left as it is.
 * A kept file is checked against its recorded size and modification time, so one
 * edited or deleted by hand is written again.
 *
 * The staging folder is `.<name>-staging-<pid>-<time>` next to the output. A build
 * killed outright (SIGKILL, power loss) leaves it behind; the next DiskWriter for the
 * same output removes it once that process is gone, and if the build died between
 * moving the old output aside and moving the new one in, puts the old output back.
 */
export class DiskWriter implements Writer {
  private readonly outDir: string;
  private readonly staging: string;
  private readonly manifestFile: string | undefined;
  /** What the current output holds, by file; empty when unknown. */
  private readonly previous: Map<string, [string, number, number]>;
  /**
   * Files written by this build: fingerprint, size and modification time (taken when
   * written, so commit need not stat them; until the writing thread answers, size and
   * time are -1).
   */
  private readonly written = new Map<string, [string, number, number]>();
  private readonly kept = new Set<string>();
  private readonly folders = new FolderMaker();
  /** Started with the first file written: a rebuild that keeps every file starts no thread. */
  private writes: ThreadedWrites | undefined;
  /** Files sent to the thread since it last settled, in the order sent. */
  private unanswered: string[] = [];

  /** Throws, before touching anything, when `outDir` exists and is not this generator's output. */
  constructor(outDir: string, options: DiskWriterOptions = {}) {
    this.outDir = path.resolve(outDir);
    const refused = notReplaceableReason(this.outDir);
    if (refused) throw new Error(`refusing to write: ${refused}`);
    recoverLeftovers(this.outDir);
    this.manifestFile = options.manifest;
    this.previous = readManifest(this.manifestFile, this.outDir);
    this.staging = path.join(path.dirname(this.outDir), `${stagingPrefix(this.outDir)}${process.pid}-${Date.now()}`);
    mkdirSync(this.staging, { recursive: true });
    writeFileSync(path.join(this.staging, OUTPUT_MARKER), MARKER_TEXT);
  }

  /** The files of the current output, as recorded and still as they were written. */
  readonly current: OutputContents = {
    holds: (file, fingerprint) => this.holdsUntouched(file, fingerprint),
    folder: (folder, fingerprint) => {
      const inside = [...this.previous].filter(([file]) => file.startsWith(`${folder}/`));
      return inside.length > 0 && inside.every(([file, known]) => known[0] === fingerprint && this.untouched(file, known)) ? inside.map(([file]) => file) : undefined;
    },
  };

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    // What the output holds already, from the same fingerprint, is linked at commit instead of written again.
    if (!this.written.has(file) && this.holdsUntouched(file, fingerprint)) {
      this.kept.add(file);
      return;
    }
    this.kept.delete(file); // carried first, then written after all: the new content wins
    const target = path.join(this.staging, file);
    this.written.set(file, [fingerprint, -1, -1]);
    this.unanswered.push(file);
    (this.writes ??= new ThreadedWrites()).write(target, content);
  }

  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }

  carry(file: string, fingerprint: string): void {
    // `current.holds` checked the file on disk when the plan was made.
    if (!this.written.has(file) && this.previous.get(file)?.[0] === fingerprint) this.kept.add(file);
  }

  read(file: string): string | undefined {
    // Written into staging, or kept from the current output (linked into staging at commit).
    const from = this.written.has(file) ? this.staging : this.kept.has(file) ? this.outDir : undefined;
    if (from === this.staging) this.settle();
    return from === undefined ? undefined : readFileSync(path.join(from, file), 'utf8');
  }

  commit(): void {
    // Every file on disk first; one that could not be written fails the commit (the caller aborts).
    this.settle();
    // Checked again: the folder may have been replaced by something else while the build ran.
    const refused = notReplaceableReason(this.outDir);
    if (refused) {
      this.abort();
      throw new Error(`refusing to replace the output: ${refused}`);
    }
    if (this.written.size === 0 && this.kept.size === this.previous.size && existsSync(path.join(this.outDir, OUTPUT_MARKER))) {
      // Every file is as the output already has it, and none is gone: nothing to swap.
      this.abort();
      return;
    }
    for (const file of this.kept) {
      const target = path.join(this.staging, file);
      this.folders.make(path.dirname(target));
      linkInto(path.join(this.outDir, file), target);
    }
    const previous = `${this.staging}${PREVIOUS_SUFFIX}`;
    const hadOutput = existsSync(this.outDir);
    if (hadOutput) renameSync(this.outDir, previous);
    renameSync(this.staging, this.outDir);
    if (hadOutput) this.remove(previous);
    this.stopWriting();
    this.recordManifest();
  }

  abort(): void {
    // What the thread is still writing must land before the folder goes, or it would make it again.
    try {
      this.settle();
    } catch {
      // Thrown away anyway.
    }
    this.stopWriting();
    rmSync(this.staging, { recursive: true, force: true });
  }

  /**
   * The size of the output this writer made, in bytes (for the build's summary line):
   * what it wrote plus what it kept, known without reading the folder again.
   */
  get outputBytes(): number {
    this.settle();
    let bytes = Buffer.byteLength(MARKER_TEXT);
    for (const [, size] of this.written.values()) bytes += size;
    for (const file of this.kept) if (!this.written.has(file)) bytes += this.previous.get(file)![1];
    return bytes;
  }

  /**
   * Waits for every file sent to the writing thread and records its size and time;
   * throws the first failure (a full disk, a folder that could not be made).
   */
  private settle(): void {
    if (!this.writes) return;
    const { sizes, mtimes, errors } = this.writes.settle();
    const files = this.unanswered;
    this.unanswered = [];
    // A file written twice gets the answer to its last write.
    for (let index = 0; index < files.length; index++) {
      const entry = this.written.get(files[index]!)!;
      [entry[1], entry[2]] = [sizes[index]!, mtimes[index]!];
    }
    const [index, reason] = errors[0] ?? [];
    if (index !== undefined) throw new Error(`could not write ${files[index]} into the output: ${reason}`);
  }

  /** Deletes the previous output: half of its top-level entries on the writing thread (when there is one), half here. */
  private remove(folder: string): void {
    if (this.writes) {
      const entries = readdirSync(folder).map((entry) => path.join(folder, entry));
      this.writes.remove(entries.filter((_, index) => index % 2 === 0));
      for (let index = 1; index < entries.length; index += 2) rmSync(entries[index]!, { recursive: true, force: true });
      this.writes.settle();
    }
    rmSync(folder, { recursive: true, force: true });
  }

  private stopWriting(): void {
    this.writes?.close();
    this.writes = undefined;
  }

  private holdsUntouched(file: string, fingerprint: string): boolean {
    const known = this.previous.get(file);
    return known !== undefined && known[0] === fingerprint && this.untouched(file, known);
  }

  /** Whether a file of the current output still has the size and time it was written with. */
  private untouched(file: string, known: [string, number, number]): boolean {
    const stat = statSync(path.join(this.outDir, file), { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size === known[1] && stat.mtimeMs === known[2];
  }

  private recordManifest(): void {
    if (!this.manifestFile) return;
    const files: OutputManifest['files'] = {};
    for (const file of this.kept) files[file] = this.previous.get(file)!;
    for (const [file, entry] of this.written) files[file] = entry;
    const manifest: OutputManifest = { version: 1, outDir: this.outDir, files };
    mkdirSync(path.dirname(this.manifestFile), { recursive: true });
    // Write then rename: a reader never sees half a manifest.
    const temporary = `${this.manifestFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(manifest));
    renameSync(temporary, this.manifestFile);
  }
}

const MARKER_TEXT = 'This folder is build output; it is replaced on every build.\n';

/** The recorded files of `outDir`, or none when the record is missing, damaged or for another folder. */
function readManifest(file: string | undefined, outDir: string): Map<string, [string, number, number]> {
  if (!file) return new Map();
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as OutputManifest;
    if (manifest.version !== 1 || manifest.outDir !== outDir || typeof manifest.files !== 'object') return new Map();
    return new Map(Object.entries(manifest.files).filter(([, entry]) => Array.isArray(entry) && entry.length === 3));
  } catch {
    return new Map();
  }
}

/** A hard link (no copy) from the old output into the new one; a copy where links are not possible. */
function linkInto(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
