import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { FolderMaker } from '../output/folders.ts';
import path from 'node:path';

/** A hash of several strings, unambiguous about where one ends and the next begins. */
export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

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

/**
 * One file per entry under `dir` (by default node_modules/.cache/docsmith). Each file
 * holds its key and a checksum of its body, so a truncated, corrupted or misplaced
 * entry is ignored and rendered again, never trusted.
 */
export class DiskRenderCache implements RenderCache {
  private readonly folders = new FolderMaker();
  constructor(private readonly dir: string) {}

  get<T>(key: string): T | undefined {
    let text: string;
    try {
      text = readFileSync(this.fileFor(key), 'utf8');
    } catch {
      return undefined;
    }
    const firstBreak = text.indexOf('\n');
    const secondBreak = text.indexOf('\n', firstBreak + 1);
    if (firstBreak === -1 || secondBreak === -1) return undefined;
    const body = text.slice(secondBreak + 1);
    if (text.slice(0, firstBreak) !== key || text.slice(firstBreak + 1, secondBreak) !== checksum(body)) return undefined;
    try {
      return JSON.parse(body) as T;
    } catch {
      return undefined;
    }
  }

  /** Written at once rather than at the end: a big build must not hold every page twice. */
  set(key: string, value: unknown): void {
    const body = JSON.stringify(value);
    const file = this.fileFor(key);
    this.folders.make(path.dirname(file));
    // Write then rename: a reader never sees half an entry, even if this process dies.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${key}\n${checksum(body)}\n${body}`);
    renameSync(temporary, file);
  }

  isEmpty(): boolean {
    try {
      // Entries live in folders named by their key's first two hex digits; the folder
      // also holds the output manifests (outputs/) and the config bundle (config/).
      return !readdirSync(this.dir).some((name) => ENTRY_FOLDER.test(name));
    } catch {
      return true;
    }
  }

  private fileFor(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key.slice(2)}.json`);
  }
}

const ENTRY_FOLDER = /^[0-9a-f]{2}$/;

function checksum(body: string): string {
  // Integrity, not security: the fastest hash that catches a damaged file.
  return createHash('md5').update(body).digest('hex');
}
