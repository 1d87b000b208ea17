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
  /**
   * The last good build's files as served (updated in place by each commit) and how each
   * was made. A rebuild carries nearly every file: carrying one stamps it with the run's
   * number instead of copying it into a new set, so a save on a 16,000-page site does not
   * fill two new maps of 32,000 entries (pages and twins) each time.
   */
  private readonly served = new Map<string, string | Uint8Array>();
  private readonly committed = new Map<string, { content: string | Uint8Array; fingerprint: string; run: number }>();
  private failedRun: FileSet | undefined;
  /** This run's number: the committed files it carried have it. */
  private run = 1;
  /** What this run wrote, or carried from the failed run. */
  private written = new FileSet();

  /** The files of the last build that succeeded. */
  get files(): ReadonlyMap<string, string | Uint8Array> {
    return this.served;
  }

  /** What the last build wrote or carried, when it failed; `undefined` once a build succeeds. */
  get failedFiles(): ReadonlyMap<string, string | Uint8Array> | undefined {
    return this.failedRun?.content;
  }

  readonly current: OutputContents = {
    holds: (file, fingerprint) => this.committed.get(file)?.fingerprint === fingerprint || this.failedRun?.holds(file, fingerprint) === true,
    folder: (folder, fingerprint) => {
      const inside = [...this.committed.keys()].filter((file) => file.startsWith(`${folder}/`));
      return inside.length > 0 && inside.every((file) => this.committed.get(file)!.fingerprint === fingerprint) ? inside : undefined;
    },
  };

  write(file: string, content: string | Uint8Array, fingerprint = contentFingerprint(content)): void {
    this.written.set(file, content, fingerprint);
  }

  copy(from: string, file: string): void {
    this.write(file, readFileSync(from));
  }

  carry(file: string, fingerprint: string): void {
    // The committed build first, as the plan asked `current`; the later of a write and a carry wins.
    const held = this.committed.get(file);
    if (held !== undefined && held.fingerprint === fingerprint) {
      held.run = this.run;
      if (this.written.content.size > 0) this.written.delete(file);
    } else if (this.failedRun?.holds(file, fingerprint)) {
      this.written.set(file, this.failedRun.content.get(file)!, fingerprint);
    }
  }

  read(file: string): string | undefined {
    const written = this.written.content.get(file);
    if (written !== undefined) return asText(written);
    const held = this.committed.get(file);
    return held?.run === this.run ? asText(held.content) : undefined;
  }

  commit(): void {
    const { run } = this;
    for (const [file, content] of this.written.content) {
      this.committed.set(file, { content, fingerprint: this.written.fingerprints.get(file)!, run });
      this.served.set(file, content);
    }
    // What this run neither wrote nor carried is no longer in the site.
    for (const [file, held] of this.committed) {
      if (held.run === run) continue;
      this.committed.delete(file);
      this.served.delete(file);
    }
    this.failedRun = undefined;
    this.nextRun();
  }

  abort(): void {
    // What the run wrote or carried, kept aside: the next run may carry it, the server shows it.
    const failed = this.written;
    for (const [file, held] of this.committed) if (held.run === this.run && !failed.content.has(file)) failed.set(file, held.content, held.fingerprint);
    this.failedRun = failed;
    this.nextRun();
  }

  private nextRun(): void {
    this.run++;
    this.written = new FileSet();
  }
}
