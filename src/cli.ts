import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build/index.ts';
import { hasErrors } from './diagnostics/diagnostic.ts';
import { formatDiagnostics, formatDiagnosticsJson, summarize } from './diagnostics/report.ts';
import { startDev } from './dev/dev.ts';
import { unsafeOutputReason } from './output/guard.ts';
import { DiscardWriter, DiskWriter, type Writer } from './output/writer.ts';
import { hashOf } from './hashing/hash.ts';
import { DiskRenderCache } from './render/cache.ts';

const USAGE = `Usage: docsmith <build|check|dev> [options]

  build   render the site into ROOT/dist (or --out)
  check   render and check everything; write nothing
  dev     serve the site on 127.0.0.1, rebuild on every change, reload the browser

Options:
  --root DIR        the site folder (default: the current folder)
  --out DIR         build: the output folder (default: ROOT/dist)
  --format FORMAT   build, check: "text" (default) or "json" problems
  --port N          dev: the first port to try (default: 4321)
  --host HOST       dev: the address to listen on (default: 127.0.0.1)
  --no-cache        build, check: render every page, ignoring the cache
  --no-search       build: skip the search index (for benchmarks and previews)
  --variant NAME    build, check, dev: only this variant of a site with variants
                    (built at its own URLs, alone in the output folder)`;

/** Exit codes: 0 fine, 1 the site has errors, 2 the command line is wrong. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'text' },
        port: { type: 'string', default: '4321' },
        host: { type: 'string', default: '127.0.0.1' },
        cache: { type: 'boolean', default: true },
        search: { type: 'boolean', default: true },
        variant: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  const [command, ...extra] = parsed.positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!['build', 'check', 'dev'].includes(command ?? '') || extra.length > 0 || !['text', 'json'].includes(values.format) || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(command ? `Unknown command or option value: ${argv.join(' ')}\n\n${USAGE}` : USAGE);
    return 2;
  }
  const root = path.resolve(values.root ?? '.');

  if (command === 'dev') {
    const dev = await startDev({ root, port, host: values.host, variant: values.variant, log: (line) => console.error(line) });
    console.error(`Serving ${path.relative(process.cwd(), root) || '.'} at ${dev.url} (Ctrl-C to stop)`);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
    await dev.close();
    return 0;
  }

  const outDir = path.resolve(root, values.out ?? 'dist');
  // Conventional home of tool caches; deleting it only costs a full render.
  const cacheDir = values.cache ? path.join(root, 'node_modules', '.cache', 'docsmith') : undefined;
  let writer: Writer;
  let diskWriter: DiskWriter | undefined;
  if (command === 'build') {
    const unsafe = unsafeOutputReason(root, outDir);
    if (unsafe) {
      console.error(`error: refusing to build: ${unsafe}`);
      return 2;
    }
    // What the output holds is recorded next to the cache, so unchanged pages are kept, not rewritten.
    writer = diskWriter = new DiskWriter(outDir, { manifest: cacheDir && path.join(cacheDir, 'outputs', `${hashOf(outDir).slice(0, 16)}.json`) });
  } else {
    writer = new DiscardWriter();
  }

  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  const cache = cacheDir ? new DiskRenderCache(cacheDir) : undefined;
  let result;
  try {
    result = await build({
      root,
      writer,
      workers: 'auto',
      cache,
      search: command === 'build' && values.search,
      variant: values.variant,
      onProgress: tty ? progressLine() : undefined,
    });
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    cache?.close();
  }
  if (tty) process.stderr.write('\r\u001b[K');
  if (values.format === 'json') {
    console.log(formatDiagnosticsJson(result.diagnostics));
  } else if (result.diagnostics.length > 0) {
    console.error(`${formatDiagnostics(result.diagnostics, { sources: result.sources, color: tty && !process.env.NO_COLOR })}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const done = command === 'check' ? 'checked' : result.written ? `built into ${path.relative(process.cwd(), outDir) || '.'}` : 'not written';
  // From the writer, which knows what it wrote and kept: reading the folder again took a tenth of a second or more at 4000 pages.
  const size = diskWriter && result.written ? `, ${formatBytes(diskWriter.outputBytes)}` : '';
  // What had to be rendered: a metadata edit re-renders only the pages that read the key.
  const fromCache = result.pages.length - result.stats.rendered;
  const rendered = `${result.stats.rendered} rendered${fromCache > 0 ? `, ${fromCache} from the cache` : ''}`;
  console.error(`${result.pages.length} page${result.pages.length === 1 ? '' : 's'} ${done} in ${seconds}s (${rendered})${size}: ${summarize(result.diagnostics)}`);
  return hasErrors(result.diagnostics) ? 1 : 0;
}

/** A pages-done counter on one terminal line, for builds big enough to wait for. */
function progressLine() {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (total < 300 || (now - last < 100 && done < total)) return;
    last = now;
    process.stderr.write(`\r\u001b[Krendering ${done}/${total} pages`);
  };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

process.exitCode = await main(process.argv.slice(2));
