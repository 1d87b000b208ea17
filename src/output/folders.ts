import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p` that remembers what it made: a build writes thousands of files into a few
 * hundred folders, and asking the file system again for each file cost a quarter of
 * the writing time. A folder whose parent it made is made with one plain `mkdir`: the
 * recursive form costs about four times as much, and every page has a folder of its own.
 */
export class FolderMaker {
  private readonly made = new Set<string>();

  make(folder: string): void {
    if (this.made.has(folder)) return;
    if (this.made.has(path.dirname(folder))) {
      try {
        mkdirSync(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    } else {
      mkdirSync(folder, { recursive: true });
      // Its ancestors exist now too: a page's Markdown twin is written into its parent folder.
      for (let parent = path.dirname(folder); !this.made.has(parent) && parent !== path.dirname(parent); parent = path.dirname(parent)) this.made.add(parent);
    }
    this.made.add(folder);
  }
}
