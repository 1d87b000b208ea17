import { readFileSync } from 'node:fs';
import { asText, contentFingerprint, FileSet, type OutputContents, type Writer } from '../output/writer.ts';

/**
 * The dev server's writer: the memory writer's commit-or-abort, except that what a
 * failed build wrote (the pages that did render, the stylesheet, the images, 404.html)
 * is kept aside instead of thrown away, so the server can show the site as far as it
 * rendered. A migrating writer starts with broken links and may keep some for days:
 * they must still see every edit.
 *
 * The current output is the last committed build and the last failed one together: a
 * fingerprint covers all a page's HTML depends on, whichever build made it.
 */
export class PreviewWriter implements Writer {
  private committed = new FileSet();
  private failedRun: FileSet | undefined;
  private pending = new FileSet();

  /** The files of the last build that succeeded. */
  get files(): ReadonlyMap<string, string | Uint8Array> {
    return this.committed.content;
  }

  /** What the last build wrote or carried, when it failed; `undefined` once a build succeeds. */
  get failedFiles(): ReadonlyMap<string, string | Uint8Array> | undefined {
    return this.failedRun?.content;
  }

  readonly current: OutputContents = {
    holds: (file, fingerprint) => this.holder(file, fingerprint) !== undefined,
    folder: (folder, fingerprint) => this.committed.folder(folder, fingerprint),
  };

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    this.pending.set(file, content, fingerprint);
  }

  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }

  carry(file: string, fingerprint: string): void {
    const holder = this.holder(file, fingerprint);
    if (holder) this.pending.set(file, holder.content.get(file)!, fingerprint);
  }

  read(file: string): string | undefined {
    return asText(this.pending.content.get(file));
  }

  commit(): void {
    this.committed = this.pending;
    this.failedRun = undefined;
    this.pending = new FileSet();
  }

  abort(): void {
    this.failedRun = this.pending;
    this.pending = new FileSet();
  }

  /** The build that holds `file` from `fingerprint`, the committed one first. */
  private holder(file: string, fingerprint: string): FileSet | undefined {
    // No array or closure per call: a rebuild asks this of every page it carries.
    if (this.committed.holds(file, fingerprint)) return this.committed;
    return this.failedRun?.holds(file, fingerprint) ? this.failedRun : undefined;
  }
}
