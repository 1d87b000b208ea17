import { readFileSync } from 'node:fs';
import { contentFingerprint, type Writer } from '../output/writer.ts';

/** Output files with the fingerprint each was written from. */
interface Files {
  content: Map<string, string | Uint8Array>;
  fingerprints: Map<string, string>;
}

const noFiles = (): Files => ({ content: new Map(), fingerprints: new Map() });

/**
 * The dev server's writer: the memory writer's commit-or-abort, except that what a
 * failed build wrote (the pages that did render, the stylesheet, the images, 404.html)
 * is kept aside instead of thrown away, so the server can show the site as far as it
 * rendered. A migrating writer starts with broken links and may keep some for days:
 * they must still see every edit.
 *
 * A page is kept (not laid out again) when either the last committed build or the
 * last failed one holds it from the same fingerprint: the fingerprint covers all the
 * page's HTML depends on, whichever build made it.
 */
export class PreviewWriter implements Writer {
  private committed = noFiles();
  private failedRun: Files | undefined;
  private pending = noFiles();

  /** The files of the last build that succeeded. */
  get files(): ReadonlyMap<string, string | Uint8Array> {
    return this.committed.content;
  }

  /** What the last build wrote or kept, when it failed; `undefined` once a build succeeds. */
  get failedFiles(): ReadonlyMap<string, string | Uint8Array> | undefined {
    return this.failedRun?.content;
  }

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    this.pending.content.set(file, content);
    this.pending.fingerprints.set(file, fingerprint);
  }

  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }

  keep(file: string, fingerprint: string): boolean {
    for (const files of [this.committed, this.failedRun]) {
      if (!files || files.fingerprints.get(file) !== fingerprint) continue;
      this.write(file, files.content.get(file)!, fingerprint);
      return true;
    }
    return false;
  }

  keepFolder(folder: string, fingerprint: string): boolean {
    const inside = [...this.committed.content.keys()].filter((file) => file.startsWith(`${folder}/`));
    return inside.length > 0 && inside.every((file) => this.committed.fingerprints.get(file) === fingerprint) && inside.every((file) => this.keep(file, fingerprint));
  }

  commit(): void {
    this.committed = this.pending;
    this.failedRun = undefined;
    this.pending = noFiles();
  }

  abort(): void {
    this.failedRun = this.pending;
    this.pending = noFiles();
  }
}
