import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { integrityChecksum } from '../hashing/hash.ts';

/**
 * Rendered pages by content address: the key hashes everything the output depends
 * on, so an entry is never stale, only unused. Deleting the cache is always safe.
 */
export interface RenderCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /** Whether it holds no entry at all: then every page of the build will be rendered. */
  isEmpty(): boolean;
}

/** The dev server's cache, and the one tests use. */
export class MemoryRenderCache implements RenderCache {
  private readonly entries = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.entries.get(key) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.entries.set(key, value);
  }
  isEmpty(): boolean {
    return this.entries.size === 0;
  }
}

/** Where an entry's bytes are: which pack, from where, how many. */
interface EntryLocation {
  pack: string;
  offset: number;
  length: number;
}

/**
 * Entries appended to pack files under `dir/render/` (by default
 * node_modules/.cache/docsmith), the way webpack's and Parcel's persistent caches
 * store theirs: a cold build of thousands of pages made two files per page before,
 * and creating those files cost the build about a tenth of its time.
 *
 * Each instance that stores anything appends to a pack of its own (`<time>-<pid>-<random>.pack`),
 * so concurrent builds never write the same file, and writes one `key offset length`
 * line per entry to the index beside it, after the entry itself: an index line always
 * points at bytes already written. Each entry holds its key and a checksum of its body,
 * so a truncated, corrupted or misplaced entry is ignored and rendered again, never
 * trusted. An index line cut short (a killed build) is ignored too.
 */
export class DiskRenderCache implements RenderCache {
  private readonly packs: string;
  private known: Map<string, EntryLocation> | undefined;
  private output: { pack: string; packFd: number; indexFd: number; size: number } | undefined;
  /** Packs opened for reading, by name (`undefined`: could not be opened). */
  private readonly readers = new Map<string, number | undefined>();

  constructor(dir: string) {
    this.packs = path.join(dir, PACKS_FOLDER);
    removeLegacyEntries(dir);
  }

  get<T>(key: string): T | undefined {
    const location = this.index().get(key);
    if (!location) return undefined;
    const text = readEntry(this.reader(location.pack), location.offset, location.length);
    if (text === undefined) return undefined;
    const firstBreak = text.indexOf('\n');
    const secondBreak = text.indexOf('\n', firstBreak + 1);
    if (firstBreak === -1 || secondBreak === -1) return undefined;
    const body = text.slice(secondBreak + 1);
    if (text.slice(0, firstBreak) !== key || text.slice(firstBreak + 1, secondBreak) !== integrityChecksum(body)) return undefined;
    try {
      return JSON.parse(body) as T;
    } catch {
      return undefined;
    }
  }

  /** Written at once rather than at the end: a big build must not hold every page twice. */
  set(key: string, value: unknown): void {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${JSON.stringify(key)}`);
    const body = JSON.stringify(value);
    const entry = Buffer.from(`${key}\n${integrityChecksum(body)}\n${body}`);
    const output = this.openOutput();
    writeAll(output.packFd, entry);
    // Only once the entry is whole does the index point at it.
    writeSync(output.indexFd, `${key} ${output.size} ${entry.length}\n`);
    this.index().set(key, { pack: output.pack, offset: output.size, length: entry.length });
    output.size += entry.length;
  }

  isEmpty(): boolean {
    return this.index().size === 0;
  }

  /** Closes its files. Entries already stored stay; it can still read and store after. */
  close(): void {
    for (const fd of this.readers.values()) if (fd !== undefined) closeSync(fd);
    this.readers.clear();
    if (!this.output) return;
    closeSync(this.output.packFd);
    closeSync(this.output.indexFd);
    this.output = undefined;
  }

  private reader(pack: string): number | undefined {
    if (!this.readers.has(pack)) {
      let fd: number | undefined;
      try {
        fd = openSync(path.join(this.packs, pack), 'r');
      } catch {
        fd = undefined; // deleted since its index was read: its entries are misses
      }
      this.readers.set(pack, fd);
    }
    return this.readers.get(pack);
  }

  /** Every entry of every pack, read once: later packs (by the millisecond they were made in) win, though any valid copy of an entry is as good. */
  private index(): Map<string, EntryLocation> {
    if (this.known) return this.known;
    const known = new Map<string, EntryLocation>();
    let names: string[] = [];
    try {
      names = readdirSync(this.packs).filter((name) => name.endsWith(INDEX_SUFFIX)).sort();
    } catch {
      // no folder: nothing stored yet
    }
    for (const name of names) {
      let text: string;
      try {
        text = readFileSync(path.join(this.packs, name), 'utf8');
      } catch {
        continue;
      }
      const pack = name.slice(0, -INDEX_SUFFIX.length) + PACK_SUFFIX;
      // The last line counts only when its newline was written.
      for (const line of text.slice(0, text.lastIndexOf('\n') + 1).split('\n')) {
        const match = INDEX_LINE.exec(line);
        if (match) known.set(match[1]!, { pack, offset: Number(match[2]), length: Number(match[3]) });
      }
    }
    this.known = known;
    return known;
  }

  private openOutput() {
    if (this.output) return this.output;
    mkdirSync(this.packs, { recursive: true });
    const name = `${Date.now()}-${process.pid}-${randomBytes(4).toString('hex')}`;
    const packFd = openSync(path.join(this.packs, name + PACK_SUFFIX), 'wx');
    const indexFd = openSync(path.join(this.packs, name + INDEX_SUFFIX), 'wx');
    this.output = { pack: name + PACK_SUFFIX, packFd, indexFd, size: 0 };
    return this.output;
  }
}

const PACKS_FOLDER = 'render';
const PACK_SUFFIX = '.pack';
const INDEX_SUFFIX = '.index';
/** Keys are hex hashes; nothing that could break an index line. */
const KEY = /^[0-9a-f]{16,128}$/;
const INDEX_LINE = /^([0-9a-f]{16,128}) (\d+) (\d+)$/;

function readEntry(fd: number | undefined, offset: number, length: number): string | undefined {
  if (fd === undefined) return undefined;
  try {
    // A damaged index line must not make this allocate more than the pack holds.
    if (offset + length > fstatSync(fd).size) return undefined;
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, offset + read);
      if (n === 0) return undefined; // the pack is shorter than its index says
      read += n;
    }
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}

/**
 * Earlier versions kept one file per entry, in folders named by the key's first two hex
 * digits: those entries are never read now, so they go (once).
 */
function removeLegacyEntries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (/^[0-9a-f]{2}$/.test(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
}
