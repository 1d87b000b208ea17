/** The bench results as markdown: what ran, on what, and how it compares with the targets of issue 6. */
import type { Measurement } from './measure.ts';
import type { SearchSwitch } from './search-switch.ts';

export type VariantId = 'eleventy' | 'ours-cold' | 'ours-rebuild' | 'ours-search' | 'ours-startup';

export interface SizeResult {
  pages: number;
  /** Bytes of markdown in the docsmith corpus. */
  bytes: number;
  samples: Map<VariantId, Measurement[]>;
  verification: string;
  eleventyStdout: string;
  /** Why this size stopped early (a failed or timed-out build); its samples are partial. */
  failure?: string;
}

export type DevLoopReport =
  | { state: 'measured'; pages: number; page: string; milliseconds: number[]; serverLog: string[] }
  | { state: 'skipped' | 'failed'; reason: string };

/** Dev loop target: an edit re-rendered and the reload sent within this long. */
const DEV_LOOP_TARGET_MS = 100;

export interface ReportInput {
  date: Date;
  command: string;
  /** How docsmith is started, as its `npm run build` script starts it: `node --flag bin/docsmith.mjs`. */
  docsmithCommand: string;
  cores: number;
  cpu: string;
  node: string;
  eleventyVersion: string;
  revision: string;
  load: { before: number[]; after: number[] };
  startup: Measurement[];
  search: SearchSwitch;
  devLoop: DevLoopReport;
  /** Whether an untimed warm-up build of each generator came first. */
  warmup: boolean;
  results: SizeResult[];
}

/** Targets from issue 6, as ratios measured side by side. */
const TARGETS = { cold: 2.0, rebuild: 0.15, memory: 1.0, growth: 4.4 };

export function renderReport(input: ReportInput): string {
  const { results, search } = input;
  const coldLabel = search.state === 'always-on' ? 'docsmith cold build (search index included: no switch to turn it off)' : 'docsmith cold build, no search index';
  const labels: Record<Exclude<VariantId, 'ours-startup'>, string> = {
    eleventy: `Eleventy ${input.eleventyVersion} cold build`,
    'ours-cold': coldLabel,
    'ours-rebuild': 'docsmith rebuild, nothing changed',
    'ours-search': 'docsmith cold build with search index',
  };
  const lines: string[] = [];
  lines.push('# docsmith vs Eleventy: build benchmark', '');
  lines.push(`- Date: ${input.date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  lines.push(`- Command: \`${input.command}\``);
  lines.push(`- Machine: ${input.cores} cores (os.availableParallelism()), ${input.cpu}; Node ${input.node}; Eleventy ${input.eleventyVersion}`);
  lines.push(`- docsmith: ${input.revision}`);
  lines.push(`- Load average (1, 5, 15 min) before: ${fmtLoad(input.load.before)}; after: ${fmtLoad(input.load.after)}. The machine is shared, so numbers are noisy: compare the ratios, measured side by side, more than the absolute times.`);
  lines.push(
    `- Method: every build is a fresh \`node\` process (docsmith as its \`npm run build\` script runs it, \`${input.docsmithCommand} build\`, which runs src/ compiled to JavaScript; Eleventy through its \`cmd.cjs --quiet\`), ` +
      `builds alternate between the two and who goes first alternates each run; ${input.warmup ? 'one untimed warm-up build of each comes first' : 'no warm-up build (--skip-warmup)'}; the last output of each is checked. ` +
      'Wall time is from spawn to exit; peak memory is the larger of GNU time\'s max RSS and the RSS of the process tree sampled every 20 ms. ' +
      'Cold builds start with no output folder (and no cache).',
  );
  lines.push('');

  lines.push('| Pages | Build | Wall time, median (min-max) | × Eleventy | Peak RSS, median | × Eleventy |', '| ---: | --- | ---: | ---: | ---: | ---: |');
  for (const result of results) {
    const base = result.samples.get('eleventy') ?? [];
    for (const id of ['eleventy', 'ours-cold', 'ours-rebuild', 'ours-search'] as const) {
      const samples = result.samples.get(id);
      if (!samples) continue;
      const wall = median(samples.map((m) => m.milliseconds));
      const rss = median(samples.map((m) => m.peakRss));
      const range = `${seconds(Math.min(...samples.map((m) => m.milliseconds)))}-${seconds(Math.max(...samples.map((m) => m.milliseconds)))}`;
      lines.push(
        `| ${result.pages} | ${labels[id]} | ${seconds(wall)} s (${range}) | ${ratio(wall, median(base.map((m) => m.milliseconds)))} | ${megabytes(rss)} MB | ${ratio(rss, median(base.map((m) => m.peakRss)))} |`,
      );
    }
  }
  const runs = results[0]?.samples.get('eleventy')?.length ?? 0;
  lines.push('', `${runs} timed run${runs === 1 ? '' : 's'} of each build per size. Corpus: ${results.map((r) => `${r.pages} pages, ${(r.bytes / r.pages / 1024).toFixed(1)} KB each on average`).join('; ')} (bench/generate.ts, 20 sections).`);
  const startup = median(input.startup.map((m) => m.milliseconds));
  lines.push(`Fixed cost in every docsmith build: \`docsmith --help\` (hashing its sources, then loading the compiled module graph) takes ${seconds(startup)} s and ${megabytes(median(input.startup.map((m) => m.peakRss)))} MB.`, '');

  lines.push('## Search index', '');
  if (search.state === 'switchable') {
    for (const result of results) {
      const withIndex = result.samples.get('ours-search');
      const without = result.samples.get('ours-cold');
      if (withIndex && without) lines.push(`- ${result.pages} pages: the index adds ${seconds(median(withIndex.map((m) => m.milliseconds)) - median(without.map((m) => m.milliseconds)))} s (difference of medians).`);
    }
    lines.push(`- Switch: ${search.reason} (on: \`${search.on.join(' ') || '(default)'}\`, off: \`${search.off.join(' ') || '(default)'}\`).`, '');
  } else if (search.state === 'always-on') {
    lines.push(`Search index: not separable: ${search.reason}, so every docsmith time above includes it. Give the switch with \`--search-off ARGS\` once the CLI has one.`, '');
  } else {
    lines.push('Search index: not available.', '');
  }

  // Sizes that stopped early compare nothing; growth and targets use the complete ones.
  const complete = results.filter((r) => !r.failure && r.samples.has('eleventy') && r.samples.has('ours-cold'));
  const small = complete[0];
  const large = complete.at(-1);
  if (small && large && large.pages > small.pages) {
    lines.push(`## Growth, ${small.pages} → ${large.pages} pages (linear would be ${(large.pages / small.pages).toFixed(1)}×)`, '');
    lines.push('| Build | Growth of wall time | Growth of peak RSS |', '| --- | ---: | ---: |');
    for (const id of ['eleventy', 'ours-cold', 'ours-rebuild', 'ours-search'] as const) {
      const a = small.samples.get(id);
      const b = large.samples.get(id);
      if (!a || !b) continue;
      lines.push(`| ${labels[id]} | ${ratio(median(b.map((m) => m.milliseconds)), median(a.map((m) => m.milliseconds)))} | ${ratio(median(b.map((m) => m.peakRss)), median(a.map((m) => m.peakRss)))} |`);
    }
    lines.push('');
  }

  if (large) lines.push(...targets(large, small, search), '');
  lines.push('## Checks', '');
  for (const result of results) {
    if (result.failure) lines.push(`- ${result.pages} pages: **stopped early**: ${result.failure.split('\n')[0]}`);
    else lines.push(`- ${result.pages} pages: ${result.verification}; Eleventy: "${result.eleventyStdout.split('\n').at(-1)}"`);
  }
  const dev = input.devLoop;
  if (dev.state !== 'measured') lines.push(`- Dev loop: not measured: ${dev.reason}.`);
  lines.push('');
  if (dev.state === 'measured') {
    const ms = median(dev.milliseconds);
    lines.push(
      '## Dev loop',
      '',
      `One page (\`${dev.page}\`) of the ${dev.pages}-page site edited ${dev.milliseconds.length} times under \`docsmith dev\`, timed from the file write to the \`reload\` event on the server's event stream (the edit is then fetched and checked).`,
      '',
      '| Median | Min-max | Target | Met |',
      '| ---: | ---: | ---: | :---: |',
      `| ${ms.toFixed(0)} ms | ${Math.min(...dev.milliseconds).toFixed(0)}-${Math.max(...dev.milliseconds).toFixed(0)} ms | ≤ ${DEV_LOOP_TARGET_MS} ms | ${ms <= DEV_LOOP_TARGET_MS ? 'yes' : 'no'} |`,
      '',
      `The server's own log: ${dev.serverLog.map((line) => `"${line}"`).join(', ')}.`,
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function targets(large: SizeResult, small: SizeResult | undefined, search: SearchSwitch): string[] {
  const wall = (id: VariantId, r = large) => median((r.samples.get(id) ?? []).map((m) => m.milliseconds));
  const rss = (id: VariantId) => median((large.samples.get(id) ?? []).map((m) => m.peakRss));
  const rows: Array<[string, number, number, string]> = [
    [`cold build at ${large.pages} pages, without search index, ≤ ${TARGETS.cold}× Eleventy${search.state === 'always-on' ? ' (measured with the index: it cannot be turned off)' : ''}`, wall('ours-cold') / wall('eleventy'), TARGETS.cold, '×'],
    [`rebuild with nothing changed ≤ ${TARGETS.rebuild}× Eleventy's full build`, wall('ours-rebuild') / wall('eleventy'), TARGETS.rebuild, '×'],
    [`peak memory at ${large.pages} pages ≤ Eleventy's`, rss('ours-cold') / rss('eleventy'), TARGETS.memory, '×'],
  ];
  if (small && small.pages * 4 === large.pages) rows.push([`${large.pages} pages ≤ ${TARGETS.growth}× the time of ${small.pages}`, wall('ours-cold') / wall('ours-cold', small), TARGETS.growth, '×']);
  return [
    '## Targets (issue 6)',
    '',
    '| Target | Measured | Met |',
    '| --- | ---: | :---: |',
    ...rows.map(([name, value, limit, unit]) => Number.isFinite(value) ? `| ${name} | ${value.toFixed(2)}${unit} | ${value <= limit ? 'yes' : 'no'} |` : `| ${name} | not measured | n/a |`),
  ];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const fmtLoad = (load: number[]) => load.map((n) => n.toFixed(2)).join(', ');
