import { mkdirSync } from 'node:fs';

/**
 * `mkdir -p` that remembers what it made: a build writes thousands of files into a few
 * hundred folders, and asking the file system again for each file cost a quarter of
 * the writing time.
 */
export class FolderMaker {
  private readonly made = new Set<string>();

  make(folder: string): void {
    if (this.made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.made.add(folder);
  }
}
