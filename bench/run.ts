/**
 * docsmith against Eleventy 3 (and Eleventy followed by Pagefind's CLI) on the same
 * generated sites, side by side.
 *
 *   npm run bench -- --sizes 1000,4000 --runs 3 [--shapes overviews,reference]
 *
 * For each corpus shape and size: generate both corpora into a temporary folder, build
 * each once to warm disk caches, then alternate the builds `--runs` times, each in a
 * fresh child process; check the outputs; print medians, ratios, CPU, peak memory and
 * output sizes against issue 16's targets as markdown (also written to bench/results.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.ts';
import { measure, type Measurement } from './measure.ts';
import { measureDevLoop } from './dev-loop.ts';
import { measureVariants, renderVariantsReport, type VariantsReport } from './variants.ts';
import { SECTIONS, SHAPES, type SiteShape } from './plan.ts';
import { median, renderReport, type DevLoopReport, type RenderCost, type SizeResult, type VariantId } from './report.ts';
import { docsmithNodeArgs, snapshotDocsmith } from './snapshot.ts';
import { detectSearch, resolveSearchState, type SearchSwitch } from './search-switch.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Absolute, because builds run with the temporary site as their working directory.
const ELEVENTY_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('@11ty/eleventy')), '..');
const ELEVENTY_CMD = path.join(ELEVENTY_DIR, 'cmd.cjs');
/** Pagefind's package exports only its Node API; its CLI is the script its `bin` names. */
const PAGEFIND_DIR = path.join(REPO, 'node_modules', 'pagefind');
const PAGEFIND_CMD = path.join(PAGEFIND_DIR, (JSON.parse(readFileSync(path.join(PAGEFIND_DIR, 'package.json'), 'utf8')) as { bin: string }).bin);

/**
 * Everything a docsmith build may leave in the site folder that would make the next
 * build warm. Cold builds delete all of it. A build cache added later belongs here
 * (the runner warns when a build leaves an unknown folder behind).
 */
const COLD_PATHS = ['dist', 'node_modules/.cache', '.cache', '.docsmith-cache'];

interface Options {
  shapes: SiteShape[];
  sizes: number[];
  runs: number;
  seed: number;
  keep: boolean;
  skipWarmup: boolean;
  skipRebuild: boolean;
  /** Pages of the variants bench's corpus; 0 skips it. */
  variantPages: number;
  timeoutMinutes: number;
  /** Where the markdown report is written, relative to the repository. */
  out: string;
  search: { on?: string[]; off?: string[] };
}

async function main(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  const started = new Date();
  const loadBefore = os.loadavg();
  const work = mkdtempSync(path.join(os.tmpdir(), 'docsmith-bench-'));
  log(`corpora in ${work}`);

  const { cli, startup } = await takeSnapshot(work, options.runs);
  const results: SizeResult[] = [];
  const renderCost = new Map<SiteShape, RenderCost>();
  let devLoop: DevLoopReport = { state: 'skipped', reason: 'no size was built' };
  let variants: VariantsReport | undefined;
  const state = { search: detectSearch({ helpText: startup.helpText, override: options.search }) };
  try {
    for (const shape of options.shapes) {
      for (const pages of options.sizes) {
        const result = await benchSize({ shape, pages, dir: path.join(work, `${shape}-n${pages}`), cli, options, state });
        results.push(result);
        // Rendering one page costs the same at any size: measured once per shape, on the first site.
        if (!renderCost.has(shape) && !result.failure) renderCost.set(shape, measureRenderCost(path.join(work, `${shape}-n${pages}`, 'docsmith'), pages));
      }
    }
    devLoop = await measureDevLoopAtLargest(cli, results, work, options);
    if (options.variantPages > 0) {
      log(`variants: ${options.variantPages} pages, as 1 variant and as 3`);
      variants = await measureVariants({ command: process.execPath, args: cli, dir: path.join(work, 'variants'), pages: options.variantPages, runs: options.runs, seed: options.seed, log });
    }
  } finally {
    if (options.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }

  const report = renderReport({
    date: started,
    command: commandLine(argv),
    docsmithCommand: ['node', ...cli.slice(0, -1), 'bin/docsmith.mjs'].join(' '),
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    eleventyVersion: packageVersion(ELEVENTY_DIR),
    pagefindVersion: packageVersion(PAGEFIND_DIR),
    revision: revision(),
    load: { before: loadBefore, after: os.loadavg() },
    startup: startup.samples,
    search: state.search,
    devLoop,
    warmup: !options.skipWarmup,
    results,
    renderCost,
  });
  const full = variants ? `${report.trimEnd()}\n\n${renderVariantsReport(variants)}` : report;
  console.log(full);
  writeFileSync(path.resolve(REPO, options.out), full);
  log(`written to ${options.out}`);
}

interface SizeRun {
  shape: SiteShape;
  pages: number;
  dir: string;
  cli: string[];
  options: Options;
  /** The search switch, settled by the first default build that writes (or not) an index. */
  state: { search: SearchSwitch };
}

/** One corpus at one size: generate it, warm up, then alternate the timed builds. */
async function benchSize({ shape, pages, dir, cli, options, state }: SizeRun): Promise<SizeResult> {
  const label = `${shape} n=${pages}`;
  const docsmithDir = path.join(dir, 'docsmith');
  const eleventyDir = path.join(dir, 'eleventy');
  const stats = generateCorpus({ docsmithDir, eleventyDir, pages, seed: options.seed, shape });
  log(`${label}: generated ${stats.pages} pages, ${(stats.bytes / 1024 / 1024).toFixed(1)} MB, in ${(stats.milliseconds / 1000).toFixed(2)}s`);

  const known = new Set(readdirSync(docsmithDir));
  const timeoutMs = options.timeoutMinutes * 60_000;
  const ours = (args: string[]) => ({ command: process.execPath, args: [...cli, 'build', '--root', '.', ...args], cwd: docsmithDir, timeoutMs });
  const eleventy = { command: process.execPath, args: [ELEVENTY_CMD, '--quiet'], cwd: eleventyDir, timeoutMs };
  const pagefind = { command: process.execPath, args: [PAGEFIND_CMD, '--site', '_site'], cwd: eleventyDir, timeoutMs };
  const cleanOurs = () => COLD_PATHS.forEach((p) => rmSync(path.join(docsmithDir, p), { recursive: true, force: true }));
  const cleanEleventy = () => rmSync(path.join(eleventyDir, '_site'), { recursive: true, force: true });
  const samples = new Map<VariantId, Measurement[]>();
  const result: SizeResult = { shape, pages, bytes: stats.bytes, samples, verification: '', eleventyStdout: '' };
  let ourStderr = '';
  const resolveSearch = () => {
    state.search = resolveSearchState(state.search, existsSync(path.join(docsmithDir, 'dist', 'pagefind')));
  };
  const search = () => state.search;

  try {
    if (!options.skipWarmup) {
      // Untimed: fills the disk cache.
      log(`${label}: warm-up builds (untimed)`);
      cleanOurs();
      ourStderr = (await checked('docsmith warm-up', await measure(ours(search().off)), options)).stderr;
      resolveSearch();
      cleanEleventy();
      result.eleventyStdout = (await checked('Eleventy warm-up', await measure(eleventy), options)).stdout.trim();
    }
    const record = async (id: VariantId, run: () => Promise<Measurement>) => {
      const m = await checked(id, await run(), options);
      (samples.get(id) ?? samples.set(id, []).get(id)!).push(m);
      log(`${label} ${id.padEnd(18)} ${(m.milliseconds / 1000).toFixed(2)}s  ${(m.cpuMs / 1000).toFixed(2)}s CPU  ${(m.peakRss / 2 ** 20).toFixed(0)} MB`);
      return m;
    };
    const oursCold = async () => {
      cleanOurs();
      ourStderr = (await record('ours-cold', () => measure(ours(search().off)))).stderr;
      resolveSearch();
      result.output ??= outputSize(path.join(docsmithDir, 'dist'));
      if (!options.skipRebuild) {
        // Nothing changed since the build above: what a persistent cache should make cheap.
        await record('ours-rebuild', () => measure(ours(search().off)));
        // One page more in a section: that section's pages show it, the others do not change.
        const inSection = addPage(docsmithDir, 'users');
        try {
          await record('ours-section-add', () => measure(ours(search().off)));
        } finally {
          rmSync(inSection);
        }
        // One page more at the top, which every page's sidebar lists: every page is laid out
        // again (and the section's page above is gone), none rendered.
        const atTop = addPage(docsmithDir, '.');
        try {
          await record('ours-relayout', () => measure(ours(search().off)));
        } finally {
          rmSync(atTop);
        }
      }
      warnAboutLeftovers(docsmithDir, known);
      if (search().state === 'switchable') {
        cleanOurs();
        await record('ours-search', () => measure(ours(search().on)));
      }
    };
    const eleventyCold = async () => {
      cleanEleventy();
      const built = await record('eleventy', () => measure(eleventy));
      result.eleventyStdout = built.stdout.trim();
      // Eleventy has no search: Pagefind's CLI indexes its output, as its users do.
      const indexed = await checked('pagefind', await measure(pagefind), options);
      await record('eleventy-pagefind', async () => ({ ...indexed, milliseconds: built.milliseconds + indexed.milliseconds, cpuMs: built.cpuMs + indexed.cpuMs, peakRss: Math.max(built.peakRss, indexed.peakRss) }));
    };
    for (let run = 0; run < options.runs; run++) {
      // Alternate who goes first, so drift in machine load does not favour one side.
      if (run % 2 === 0) await oursCold(), await eleventyCold();
      else await eleventyCold(), await oursCold();
    }
    result.verification = verify({ shape, pages, docsmithDir, eleventyDir, ourStderr }).summary;
    log(`${label}: ${result.verification}`);
  } catch (error) {
    result.failure = (error as Error).message;
    log(`${label}: ${result.failure}`);
  }
  return result;
}

/** A copy of the first page under a new name and title, in this folder of content/; returns its path, to delete after the build. */
function addPage(docsmithDir: string, folder: string): string {
  const source = readFileSync(path.join(docsmithDir, DEV_LOOP_PAGE.file), 'utf8');
  const file = path.join(docsmithDir, 'content', folder, 'bench-added-page.md');
  writeFileSync(file, source.replace(/^title: .*$/m, 'title: "Added by the bench"'));
  return file;
}

/** Bytes of everything written, and the median HTML file (the page a reader downloads). */
function outputSize(dist: string): { distBytes: number; medianPageBytes: number } {
  let distBytes = 0;
  const pages: number[] = [];
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(path.join(dist, file));
    if (!stat.isFile()) continue;
    distBytes += stat.size;
    if (file.endsWith('.html')) pages.push(stat.size);
  }
  return { distBytes, medianPageBytes: median(pages) };
}

const RENDER_COST_PAGES = 300;

/** bench/stages.ts on the first pages of a generated site: rendering one page's content, in one thread. */
function measureRenderCost(root: string, sitePages: number): RenderCost {
  log(`render content per page: bench/stages.ts on the first ${RENDER_COST_PAGES} pages of ${root}`);
  const run = spawnSync(process.execPath, ['--single-threaded-gc', '--import', 'tsx', 'bench/stages.ts', '--root', root, '--pages', String(RENDER_COST_PAGES)], { cwd: REPO, encoding: 'utf8' });
  const match = /^render content \(all of the below\)\s+([\d.]+) ms\/page$/m.exec(run.stdout);
  if (run.status !== 0 || !match) return { state: 'failed', reason: (run.stderr || run.stdout).trim().split('\n').at(-1) ?? `exit code ${run.status}` };
  log(`render content: ${match[1]} ms/page`);
  return { state: 'measured', msPerPage: Number(match[1]), pages: Math.min(RENDER_COST_PAGES, sitePages), sitePages };
}

/** The page the dev loop edits: the first endpoint page of the first section, present at any size. */
const DEV_LOOP_PAGE = { file: 'content/users/user-sessions.md', url: '/users/user-sessions/' };
const DEV_LOOP_EDITS = 9;

/** One page edited in the largest site, saved to reload event, when the CLI has `dev`. */
async function measureDevLoopAtLargest(cli: string[], results: SizeResult[], work: string, options: Options): Promise<DevLoopReport> {
  if (!existsSync(path.join(path.dirname(cli.at(-1)!), '..', 'src', 'dev'))) return { state: 'skipped', reason: 'src/dev does not exist' };
  // The issue's corpus when it ran (its sidebars are the largest), at its largest size.
  const built = results.filter((r) => !r.failure).sort((a, b) => a.pages - b.pages || Number(a.shape === 'reference') - Number(b.shape === 'reference'));
  const largest = built.at(-1);
  if (!largest) return { state: 'skipped', reason: 'no size built successfully' };
  const root = path.join(work, `${largest.shape}-n${largest.pages}`, 'docsmith');
  log(`${largest.shape} n=${largest.pages}: dev loop, ${DEV_LOOP_EDITS} edits of ${DEV_LOOP_PAGE.file}`);
  try {
    const measured = await measureDevLoop({ command: process.execPath, args: cli, root, page: DEV_LOOP_PAGE, edits: DEV_LOOP_EDITS, startTimeoutMs: options.timeoutMinutes * 60_000 });
    log(`dev loop: ${measured.milliseconds.map((ms) => ms.toFixed(0)).join(', ')} ms; server: ${measured.serverLog.slice(-DEV_LOOP_EDITS).join('; ')}`);
    return { state: 'measured', shape: largest.shape, pages: largest.pages, page: DEV_LOOP_PAGE.file, milliseconds: measured.milliseconds, serverLog: measured.serverLog.slice(-DEV_LOOP_EDITS) };
  } catch (error) {
    return { state: 'failed', reason: (error as Error).message.split('\n')[0]! };
  }
}

const SNAPSHOT_ATTEMPTS = 5;

/**
 * Freezes the working tree's docsmith and checks that it loads, by timing `docsmith
 * --help` (the fixed cost of every build: hashing the sources, then loading the compiled module graph). A copy
 * taken in the middle of someone's edit fails to load; wait a minute and take another.
 */
async function takeSnapshot(work: string, runs: number): Promise<{ cli: string[]; startup: { samples: Measurement[]; helpText: string } }> {
  for (let attempt = 1; ; attempt++) {
    const dir = path.join(work, `docsmith-src-${attempt}`);
    snapshotDocsmith(REPO, dir);
    // As `npm run build` runs it: its Node flags, then bin/docsmith.mjs.
    const cli = docsmithNodeArgs(dir);
    const samples: Measurement[] = [];
    try {
      // Untimed: the first start compiles the copy (bin/compile.mjs); every later one reuses it.
      await checked('docsmith --help', await measure({ command: process.execPath, args: [...cli, '--help'], cwd: dir }));
      for (let i = 0; i < runs; i++) samples.push(await checked('docsmith --help', await measure({ command: process.execPath, args: [...cli, '--help'], cwd: dir })));
      log(`measuring a snapshot of the working tree's docsmith, in ${dir}`);
      return { cli, startup: { samples, helpText: samples[0]!.stdout + samples[0]!.stderr } };
    } catch (error) {
      if (attempt === SNAPSHOT_ATTEMPTS) throw error;
      log(`the working tree's docsmith does not load (${(error as Error).message.split('\n').slice(-3).join(' ')}); trying again in a minute`);
      await new Promise((resolve) => setTimeout(resolve, 60_000));
    }
  }
}

async function checked(label: string, m: Measurement, options?: Pick<Options, 'timeoutMinutes'>): Promise<Measurement> {
  if (m.timedOut) throw new Error(`${label} build did not finish within ${options?.timeoutMinutes} min (--timeout) and was stopped`);
  if (m.exitCode !== 0) {
    const tail = (m.stderr || m.stdout).trim().split('\n').slice(-30).join('\n');
    throw new Error(`${label} build failed with exit code ${m.exitCode}; its output ends with:\n${tail}`);
  }
  return m;
}

/** Both outputs must hold one HTML file per page, and docsmith must report no problems. */
function verify(input: { shape: SiteShape; pages: number; docsmithDir: string; eleventyDir: string; ourStderr: string }): { summary: string } {
  const ours = countPages(path.join(input.docsmithDir, 'dist'));
  const theirs = countPages(path.join(input.eleventyDir, '_site'));
  const summary = input.ourStderr.trim().split('\n').at(-1) ?? '';
  const problems: string[] = [];
  // docsmith gives each section folder without an index.md a landing page; Eleventy does not.
  const landingPages = input.shape === 'reference' ? SECTIONS.length : 0;
  if (ours !== input.pages + landingPages) problems.push(`docsmith wrote ${ours} pages, expected ${input.pages} and ${landingPages} landing pages`);
  if (theirs !== input.pages) problems.push(`Eleventy wrote ${theirs} pages, expected ${input.pages}`);
  if (!/\b0 errors, 0 warnings\b/.test(summary)) problems.push(`docsmith reported problems: ${summary}`);
  for (const [name, file] of [
    ['docsmith', path.join(input.docsmithDir, 'dist', 'index.html')],
    ['Eleventy', path.join(input.eleventyDir, '_site', 'index.html')],
  ]) {
    if (!readFileSync(file!, 'utf8').includes('DataFlow v2.4.0')) problems.push(`${name}'s home page does not show the resolved placeholders`);
  }
  if (problems.length > 0) throw new Error(`the builds are not equivalent:\n- ${problems.join('\n- ')}`);
  return { summary: `docsmith wrote ${ours} pages${landingPages ? ` (${landingPages} of them generated landing pages)` : ''}, Eleventy ${theirs}; docsmith: "${summary}"` };
}

/** HTML pages in an output folder, the 404 page aside. */
function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('index.html')).length;
}

const warned = new Set<string>();
function warnAboutLeftovers(dir: string, known: Set<string>): void {
  for (const entry of readdirSync(dir)) {
    if (known.has(entry) || COLD_PATHS.some((p) => p.split('/')[0] === entry) || warned.has(entry)) continue;
    warned.add(entry);
    log(`warning: the build left "${entry}" in the site folder; if it is a cache, add it to COLD_PATHS in bench/run.ts, or cold builds are warm`);
  }
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      shapes: { type: 'string', default: SHAPES.join(',') },
      sizes: { type: 'string', default: '1000,4000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'skip-warmup': { type: 'boolean', default: false },
      'skip-rebuild': { type: 'boolean', default: false },
      'variant-pages': { type: 'string', default: '1000' },
      timeout: { type: 'string', default: '30' },
      out: { type: 'string', default: path.join('bench', 'results.md') },
      'search-on': { type: 'string' },
      'search-off': { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 21)) throw new Error('--sizes takes page counts of at least 21, such as 1000,4000');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive integer');
  const shapes = values.shapes.split(',').map((s) => s.trim()) as SiteShape[];
  if (shapes.some((shape) => !SHAPES.includes(shape))) throw new Error(`--shapes takes ${SHAPES.join(' and/or ')}, comma-separated`);
  const words = (text: string | undefined) => (text === undefined ? undefined : text.split(/\s+/).filter(Boolean));
  const timeoutMinutes = Number(values.timeout);
  if (!(timeoutMinutes > 0)) throw new Error('--timeout takes minutes per build, such as 30');
  return { shapes, sizes, runs, seed: Number(values.seed), keep: values.keep, skipWarmup: values['skip-warmup'], skipRebuild: values['skip-rebuild'], variantPages: Number(values['variant-pages']), timeoutMinutes, out: values.out, search: { on: words(values['search-on']), off: words(values['search-off']) } };
}

function commandLine(argv: string[]): string {
  const args = argv.map((a) => (/^[\w,./=-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  return process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args ? ` -- ${args}` : ''}` : `tsx bench/run.ts ${args}`.trim();
}

function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'templates'], { cwd: REPO, encoding: 'utf8' }).trim();
    return dirty ? `${head} + uncommitted changes in src/ or templates/ (snapshot taken at the start of the run)` : head;
  } catch {
    return 'unknown';
  }
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

await main(process.argv.slice(2));
