import { statSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';
import { CONFIG_FILE } from '../config/load.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { TEMPLATES_DIR } from '../template/templates.ts';

export interface SiteWatcher {
  /** Runs `task` with batches held back until it ends (the first build), then catches up. */
  exclusive(task: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Watches a site's content/, templates/ and site.config.ts and hands `onBatch` the
 * site-relative paths that changed, one batch at a time: changes that arrive while a
 * batch runs are gathered into the next one. `onChange` hears of every change at once,
 * before the batch is made (to stop work the change makes stale).
 */
export async function watchSite(root: string, onBatch: (files: string[]) => Promise<void>, log: (line: string) => void, onChange?: () => void): Promise<SiteWatcher> {
  let closed = false;
  const changed = new Set<string>();
  let running: Promise<void> | undefined;

  const drain = () => {
    if (running || closed) return;
    running = (async () => {
      while (changed.size > 0 && !closed) {
        const files = [...changed];
        changed.clear();
        for (const name of files) recheckLater(name);
        await onBatch(files);
      }
    })().finally(() => {
      running = undefined;
    });
  };

  // The first event of a save can arrive while the editor is still writing (the file
  // truncated, the text not yet in): a moment's pause lets the write finish, and lets
  // the events of one save (a rename is an unlink and an add) make one rebuild.
  const SETTLE_MS = 15;
  let settle: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (closed || settle) return;
    settle = setTimeout(() => {
      settle = undefined;
      drain();
    }, SETTLE_MS);
  };

  // chokidar drops a second `change` of a file within 50 ms of the one before (no
  // trailing event), so a quick second save, or the rest of a write that a rebuild
  // read half of, would never be built. So each file a rebuild reads because it
  // changed is looked at again a little later, and rebuilt if it moved since.
  const RECHECK_MS = 80;
  const rechecks = new Map<string, NodeJS.Timeout>();
  const stampOf = (name: string) => {
    try {
      const stats = statSync(path.join(root, name));
      return `${stats.mtimeMs}:${stats.size}:${stats.ino}`;
    } catch {
      return 'missing';
    }
  };
  const recheckLater = (name: string) => {
    clearTimeout(rechecks.get(name));
    const stamp = stampOf(name);
    rechecks.set(
      name,
      setTimeout(() => {
        rechecks.delete(name);
        if (closed || stampOf(name) === stamp) return;
        changed.add(name);
        schedule();
      }, RECHECK_MS),
    );
  };

  // The site root is watched, not content/, templates/ and site.config.ts themselves:
  // chokidar loses a watched folder for good once it is deleted, and would never see
  // one created later. Everything else in the root (dist/, node_modules/) is ignored.
  const WATCHED = new Set([CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE]);
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => {
      const name = path.relative(root, file);
      return name !== '' && !WATCHED.has(name.split(path.sep)[0]!);
    },
  });
  watcher.on('all', (_event, file) => {
    const name = path.relative(root, file).split(path.sep).join('/');
    if (name === '') return;
    changed.add(name);
    onChange?.();
    schedule();
  });
  // Without a listener, a watcher error (too many watched files, say) would end the process.
  watcher.on('error', (error) => log(`watching files failed: ${String(error)}`));
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  return {
    async exclusive(task) {
      running = task();
      try {
        await running;
      } finally {
        running = undefined;
      }
      drain();
    },
    async close() {
      closed = true;
      clearTimeout(settle);
      await watcher.close();
      for (const timer of rechecks.values()) clearTimeout(timer);
      rechecks.clear();
      await running;
    },
  };
}
