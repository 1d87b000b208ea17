import path from 'node:path';
import { watch } from 'chokidar';
import { BuildSession, type BuildResult } from '../build.ts';
import { CONFIG_FILE } from '../config/load.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { formatDiagnostics, summarize } from '../diagnostics/report.ts';
import { TEMPLATES_DIR } from '../layout/templates.ts';
import { MemoryWriter } from '../output/writer.ts';
import { MemoryRenderCache } from '../render/cache.ts';
import { writeSearchIndex } from '../search/pagefind.ts';
import { DevServer } from './server.ts';

export interface DevOptions {
  root: string;
  /** The first port to try; the next free one is used if it is taken. @default 4321 */
  port?: number;
  host?: string;
  /** Where progress lines go (the CLI passes console.error). */
  log?: (line: string) => void;
  /** Theme folder override, for tests. */
  themeDir?: string;
}

export interface DevHandle {
  url: string;
  port: number;
  /** Resolves after the rebuild that follows the next file change (for tests and the bench). */
  nextBuild(): Promise<BuildResult>;
  close(): Promise<void>;
}

/**
 * The writer's loop: build into memory, serve it, and on every change rebuild (the
 * session and its cache make that cost what changed), then reload open tabs, or show
 * the problems over the page while still serving the last good build.
 */
export async function startDev(options: DevOptions): Promise<DevHandle> {
  const root = path.resolve(options.root);
  const log = options.log ?? (() => {});
  const writer = new MemoryWriter();
  const session = new BuildSession({ root, writer, themeDir: options.themeDir, cache: new MemoryRenderCache(), workers: 'auto', search: false });
  // The search index is rebuilt after the reload, off the critical path, and served from here.
  let searchFiles = new Map<string, Uint8Array>();
  let base = '/';
  const server = new DevServer({
    files: () => (searchFiles.size === 0 ? writer.files : new Map([...writer.files, ...searchFiles])),
    get base() {
      return base;
    },
    host: options.host,
  });

  let searchQueue: Promise<void> = Promise.resolve();
  let searchTimer: NodeJS.Timeout | undefined;
  const indexSearch = (result: BuildResult) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      // Pagefind is one process per Node process: indexing runs one at a time.
      searchQueue = searchQueue.then(async () => {
        const next = new Map<string, Uint8Array>();
        await writeSearchIndex({ pages: result.pages, base, writer: { write: (file, content) => next.set(file, typeof content === 'string' ? Buffer.from(content) : content) } });
        searchFiles = next;
      }).catch((error: unknown) => log(`search index failed: ${String(error)}`));
    }, 300);
  };

  const waiters: Array<(result: BuildResult) => void> = [];
  const report = (result: BuildResult, started: number) => {
    const ms = Math.round(performance.now() - started);
    if (result.config) base = result.config.base;
    if (result.diagnostics.length > 0) log(formatDiagnostics(result.diagnostics, { sources: result.sources, color: process.stderr.isTTY === true }));
    log(`${result.written ? 'rebuilt' : 'build failed'} in ${ms} ms (${result.stats.rendered} rendered): ${summarize(result.diagnostics)}`);
    if (hasErrors(result.diagnostics)) server.showErrors(formatDiagnostics(result.diagnostics, { sources: result.sources }));
    else {
      server.reload();
      indexSearch(result);
    }
    for (const resolve of waiters.splice(0)) resolve(result);
  };

  let started = performance.now();
  report(await session.run(), started);

  // Changes are batched, and a change during a rebuild starts one more after it.
  const changed = new Set<string>();
  let running: Promise<void> | undefined;
  const rebuild = () => {
    if (running) return;
    running = (async () => {
      while (changed.size > 0) {
        started = performance.now();
        session.invalidate([...changed]);
        changed.clear();
        report(await session.run(), started);
      }
    })().finally(() => {
      running = undefined;
    });
  };
  const watcher = watch([CONTENT_DIR, TEMPLATES_DIR, CONFIG_FILE].map((name) => path.join(root, name)), { ignoreInitial: true });
  watcher.on('all', (_event, file) => {
    changed.add(path.relative(root, file).split(path.sep).join('/'));
    rebuild();
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));

  const port = await server.listen(options.port ?? 4321);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}${base}`;
  return {
    url,
    port,
    nextBuild: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      clearTimeout(searchTimer);
      await watcher.close();
      await running;
      await searchQueue;
      await server.close();
      await session.close();
    },
  };
}
