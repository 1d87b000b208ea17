import path from 'node:path';
import { build } from './build/index.ts';
import { parseCommandLine, usage } from './cli-options.ts';
import { hasErrors } from './diagnostics/diagnostic.ts';
import { explain } from './diagnostics/explain.ts';
import { EXPLAIN_HINT, formatDiagnostics, formatDiagnosticsJson, summarize } from './diagnostics/report.ts';
import { startDev } from './dev/dev.ts';
import { unsafeOutputReason } from './output/guard.ts';
import { DiscardWriter, DiskWriter, type Writer } from './output/writer.ts';
import { hashOf } from './hashing/hash.ts';
import { DiskRenderCache } from './render/cache.ts';
import { PACKAGE_VERSION } from './runtime.ts';

/** Exit codes (EXIT_CODES in cli-options.ts): 0 fine, 1 the site has errors, 2 the command line is wrong. */
export async function main(argv: string[]): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.kind === 'help') {
    console.log(usage());
    return 0;
  }
  if (line.kind === 'version') {
    console.log(`docsmith ${PACKAGE_VERSION}`);
    return 0;
  }
  if (line.kind === 'wrong') {
    console.error(line.message);
    return 2;
  }
  const { command, values, port } = line;
  if (command === 'explain') {
    const explained = explain(line.rule);
    if (explained.known) console.log(explained.text);
    else console.error(explained.text);
    return explained.known ? 0 : 2;
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
  if (values.format === 'text' && result.diagnostics.length > 0) console.error(EXPLAIN_HINT);
  if (hasErrors(result.diagnostics)) return 1;
  const warnings = result.diagnostics.length;
  if (command === 'check' && line.maxWarnings !== undefined && warnings > line.maxWarnings) {
    console.error(`error: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${line.maxWarnings} allows`);
    return 1;
  }
  return 0;
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
