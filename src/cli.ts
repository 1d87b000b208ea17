import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build.ts';
import { formatDiagnostics, summarize } from './diagnostics/report.ts';
import { unsafeOutputReason } from './output/guard.ts';
import { DiskWriter, MemoryWriter, type Writer } from './output/writer.ts';

const USAGE = `Usage: docsmith <build|check> [--root DIR] [--out DIR]

  build   render the site into DIR/dist (or --out)
  check   render and check the site without writing anything

Options:
  --root DIR   the site folder (default: the current folder)
  --out DIR    the output folder for build (default: ROOT/dist)`;

/** Exit codes: 0 built, 1 the site has errors, 2 the command line is wrong. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { root: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if ((command !== 'build' && command !== 'check') || extra.length > 0) {
    console.error(command ? `Unknown command "${[command, ...extra].join(' ')}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const root = path.resolve(parsed.values.root ?? '.');
  const outDir = path.resolve(root, parsed.values.out ?? 'dist');

  let writer: Writer;
  if (command === 'build') {
    const unsafe = unsafeOutputReason(root, outDir);
    if (unsafe) {
      console.error(`error: refusing to build: ${unsafe}`);
      return 2;
    }
    writer = new DiskWriter(outDir);
  } else {
    writer = new MemoryWriter();
  }

  const started = performance.now();
  let result;
  try {
    result = await build({ root, writer });
  } catch (error) {
    writer.abort();
    throw error;
  }
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR;
  if (result.diagnostics.length > 0) console.error(`${formatDiagnostics(result.diagnostics, { sources: result.sources, color })}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const verb = command === 'build' ? (result.written ? `built into ${path.relative(process.cwd(), outDir) || '.'}` : 'not written') : 'checked';
  console.error(`${result.pages.length} pages ${verb} in ${seconds}s: ${summarize(result.diagnostics)}`);
  return result.written ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
