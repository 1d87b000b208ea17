import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { quickDigest } from '../hashing/hash.ts';
import { FolderMaker } from './folders.ts';
import { notReplaceableReason, OUTPUT_MARKER } from './guard.ts';

export { OUTPUT_MARKER } from './guard.ts';

/**
 * Where a build puts its files. `build` writes to disk, tests and the dev server keep
 * everything in memory, and `check` writes nothing, all through the same calls.
 *
 * Every file can carry a fingerprint: a hash of everything it is made from (a page's
 * cache key). A writer that knows what its current output holds, and that a file there
 * is untouched since it was written from the same fingerprint, keeps it instead of
 * having it made and written again: that is what makes a rebuild with little changed cheap.
 */
export interface Writer {
  /** Writes a file; `file` is relative to the output folder, forward slashes. Without a fingerprint, the content's hash is one. */
  write(file: string, content: string | Uint8Array, fingerprint?: string): void;
  /** Copies a file from disk into the output. */
  copy(from: string, file: string): void;
  /** Keeps `file` as the current output has it, when it was written from `fingerprint`; `false` when it cannot (write it then). */
  keep(file: string, fingerprint: string): boolean;
  /** `keep` for every file under `folder`: all or none (a search index is one piece). */
  keepFolder(folder: string, fingerprint: string): boolean;
  /** Makes everything written visible at once. Called only when the build succeeded. */
  commit(): void;
  /** Throws away what was written. */
  abort(): void;
}

/** A fingerprint for content that has none of its own (a copied asset, the sitemap). */
export function contentFingerprint(content: string | Uint8Array): string {
  return quickDigest(content);
}

/** Keeps the output in a map: for tests and the dev server. */
export class MemoryWriter implements Writer {
  /** The committed files; replaced whole by each commit. */
  get files(): ReadonlyMap<string, string | Uint8Array> {
    return this.committed;
  }
  private committed = new Map<string, string | Uint8Array>();
  private fingerprints = new Map<string, string>();
  private pending = new Map<string, string | Uint8Array>();
  private pendingFingerprints = new Map<string, string>();

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    this.pending.set(file, content);
    this.pendingFingerprints.set(file, fingerprint);
  }
  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }
  keep(file: string, fingerprint: string): boolean {
    const content = this.committed.get(file);
    if (content === undefined || this.fingerprints.get(file) !== fingerprint) return false;
    this.pending.set(file, content);
    this.pendingFingerprints.set(file, fingerprint);
    return true;
  }
  keepFolder(folder: string, fingerprint: string): boolean {
    const inside = [...this.committed.keys()].filter((file) => file.startsWith(`${folder}/`));
    return inside.length > 0 && inside.every((file) => this.fingerprints.get(file) === fingerprint) && inside.every((file) => this.keep(file, fingerprint));
  }
  commit(): void {
    // A swap, not a copy: the dev server commits a whole site on every save.
    this.committed = this.pending;
    this.fingerprints = this.pendingFingerprints;
    this.abort();
  }
  abort(): void {
    this.pending = new Map();
    this.pendingFingerprints = new Map();
  }
  /** A written file as text, for tests. */
  text(file: string): string | undefined {
    const content = this.committed.get(file);
    return content === undefined ? undefined : typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}

/** For `check`: writes nothing, and keeps everything, so no page is laid out only to be thrown away. */
export class DiscardWriter implements Writer {
  write(): void {}
  copy(): void {}
  keep(): boolean {
    return true;
  }
  keepFolder(): boolean {
    return true;
  }
  commit(): void {}
  abort(): void {}
}

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
  /** Files written by this build: fingerprint, size and modification time (taken when written, so commit need not stat them). */
  private readonly written = new Map<string, [string, number, number]>();
  private readonly kept = new Set<string>();
  private readonly folders = new FolderMaker();

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

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    if (this.keep(file, fingerprint)) return;
    this.kept.delete(file); // kept first, then written after all: the new content wins
    const target = path.join(this.staging, file);
    this.folders.make(path.dirname(target));
    this.written.set(file, [fingerprint, ...writeAndStat(target, content)]);
  }

  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }

  keep(file: string, fingerprint: string): boolean {
    const known = this.previous.get(file);
    if (!known || known[0] !== fingerprint || this.written.has(file) || !this.untouched(file, known)) return false;
    this.kept.add(file);
    return true;
  }

  keepFolder(folder: string, fingerprint: string): boolean {
    const inside = [...this.previous].filter(([file]) => file.startsWith(`${folder}/`));
    if (inside.length === 0 || !inside.every(([file, known]) => known[0] === fingerprint && this.untouched(file, known))) return false;
    for (const [file] of inside) this.kept.add(file);
    return true;
  }

  commit(): void {
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
    if (hadOutput) rmSync(previous, { recursive: true, force: true });
    this.recordManifest();
  }

  abort(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }

  /**
   * The size of the output this writer made, in bytes (for the build's summary line):
   * what it wrote plus what it kept, known without reading the folder again.
   */
  get outputBytes(): number {
    let bytes = Buffer.byteLength(MARKER_TEXT);
    for (const [, size] of this.written.values()) bytes += size;
    for (const file of this.kept) if (!this.written.has(file)) bytes += this.previous.get(file)![1];
    return bytes;
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

/**
 * Writes a file and returns its size and modification time, for the manifest: taken
 * here, while pages are still rendering, rather than at commit, when they would add a
 * stat per file to the end of the build.
 */
function writeAndStat(file: string, content: string | Uint8Array): [size: number, mtimeMs: number] {
  writeFileSync(file, content);
  const stat = statSync(file);
  return [stat.size, stat.mtimeMs];
}

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
