/**
 * What variants cost (issue 17): the bench's own corpus built as one variant and as three,
 * where about 5% of the pages read a value that differs between the variants; then what a
 * metadata edit re-renders, from the build summary's own count.
 *
 *   tsx bench/variants.ts [--pages 1000] [--runs 3]     # or as part of `npm run bench`
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './generate.ts';
import { METADATA } from './dialects.ts';
import { measure, type Measurement } from './measure.ts';
import { median } from './report.ts';

export interface VariantsReport {
  pages: number;
  variants: number;
  /** Pages that read the value differing between variants. */
  differing: number;
  single: Measurement[];
  triple: Measurement[];
  /** Build summaries after each edit, and what they say was rendered. */
  edits: { edit: string; expected: number; rendered: number | undefined; summary: string }[];
}

const EDITION_KEY = 'edition_url';
const TEN_KEY = 'status_page';
/** Every this many pages reads the value that differs between variants: 5%. */
const DIFFERING_EVERY = 20;

/** The three variants, differing in one value; `ten` is the value 10 pages read, per variant. */
function variantsConfig(ten: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    title: 'DataFlow Docs',
    metadata: METADATA,
    variants: [
      { name: 'cloud', label: 'DataFlow Cloud', default: true, metadata: { [EDITION_KEY]: 'https://dataflow.example.com/cloud', [TEN_KEY]: ten.cloud, ...extra } },
      { name: 'self-hosted', label: 'Self-hosted', metadata: { [EDITION_KEY]: 'https://dataflow.example.com/server', [TEN_KEY]: ten['self-hosted'] } },
      { name: 'v1', label: 'v1.9', status: 'outdated', metadata: { [EDITION_KEY]: 'https://dataflow.example.com/v1', [TEN_KEY]: ten.v1 } },
    ],
  };
}

const TEN = { cloud: 'https://status.dataflow.example.com', 'self-hosted': 'https://status.dataflow.example.com', v1: 'https://status.dataflow.example.com' };

export async function measureVariants(input: { command: string; args: string[]; dir: string; pages: number; runs: number; seed: number; log: (line: string) => void }): Promise<VariantsReport> {
  const roots = { single: path.join(input.dir, 'single'), triple: path.join(input.dir, 'triple') };
  let differing = 0;
  for (const root of Object.values(roots)) {
    generateCorpus({ docsmithDir: root, eleventyDir: path.join(input.dir, 'eleventy-unused'), pages: input.pages, seed: input.seed });
    differing = markPages(path.join(root, 'content'));
  }
  rmSync(path.join(input.dir, 'eleventy-unused'), { recursive: true, force: true });
  // One variant: the same pages and values, the differing value the default's.
  writeConfig(roots.single, { title: 'DataFlow Docs', metadata: { ...METADATA, [EDITION_KEY]: 'https://dataflow.example.com/cloud', [TEN_KEY]: TEN.cloud } });
  writeConfig(roots.triple, variantsConfig(TEN));

  const build = (root: string) => measure({ command: input.command, args: [...input.args, 'build', '--no-search'], cwd: root });
  const cold = async (root: string) => {
    for (const entry of ['dist', 'node_modules']) rmSync(path.join(root, entry), { recursive: true, force: true });
    return build(root);
  };
  const single: Measurement[] = [];
  const triple: Measurement[] = [];
  await cold(roots.single);
  await cold(roots.triple);
  for (let run = 0; run < input.runs; run++) {
    // Alternating, and who goes first alternating too.
    for (const which of run % 2 === 0 ? (['single', 'triple'] as const) : (['triple', 'single'] as const)) {
      const m = await cold(roots[which]);
      if (m.exitCode !== 0) throw new Error(`variants bench: the ${which} build failed:\n${m.stderr}`);
      (which === 'single' ? single : triple).push(m);
      input.log(`variants: ${which} cold ${(m.milliseconds / 1000).toFixed(2)} s`);
    }
  }

  // Warm edits on the three-variant site, each checked against the summary's count.
  const edits: VariantsReport['edits'] = [];
  const edit = async (label: string, config: object, expected: number) => {
    writeConfig(roots.triple, config);
    const m = await build(roots.triple);
    const summary = m.stderr.trim().split('\n').at(-1) ?? '';
    const rendered = /\((\d+) rendered/.exec(summary)?.[1];
    edits.push({ edit: label, expected, rendered: rendered === undefined ? undefined : Number(rendered), summary });
    input.log(`variants: ${label}: ${summary}`);
  };
  await build(roots.triple);
  await edit(`the ${TEN_KEY} value of variant self-hosted (read by 10 pages)`, variantsConfig({ ...TEN, 'self-hosted': 'https://status.internal.example' }), 10);
  await edit('a metadata key no page reads, added to variant cloud', variantsConfig({ ...TEN, 'self-hosted': 'https://status.internal.example' }, { unread_key: 'x' }), 0);
  return { pages: input.pages, variants: 3, differing, single, triple, edits };
}

/** Every 20th page reads the differing value; the first 10 endpoint pages read `status_page`. Returns how many read the differing value. */
function markPages(content: string): number {
  const files = listMarkdown(content).sort();
  let differing = 0;
  let ten = 0;
  files.forEach((file, i) => {
    const lines: string[] = [];
    if (i % DIFFERING_EVERY === 0) {
      lines.push(`Edition notes: {{ page.metadata.${EDITION_KEY} }}`);
      differing++;
    }
    if (ten < 10 && !file.endsWith('index.md')) {
      lines.push(`Service status: {{ page.metadata.${TEN_KEY} }}`);
      ten++;
    }
    if (lines.length > 0) writeFileSync(file, `${readFileSync(file, 'utf8')}\n${lines.join('\n\n')}\n`);
  });
  return differing;
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function writeConfig(root: string, config: object): void {
  writeFileSync(path.join(root, 'site.config.ts'), `export default ${JSON.stringify(config, null, 2)};\n`);
}

/** The report's section. */
export function renderVariantsReport(report: VariantsReport): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const single = median(report.single.map((m) => m.milliseconds));
  const triple = median(report.triple.map((m) => m.milliseconds));
  const ratio = triple / single;
  const lines = [
    '## Variants',
    '',
    `The bench's own corpus, ${report.pages} pages, built as one variant and as ${report.variants} (${report.differing} pages, ${((100 * report.differing) / report.pages).toFixed(0)}%, read the value that differs between them), cold, without search, alternating, ${report.single.length} runs each (bench/variants.ts).`,
    '',
    '| Build | Wall, median (min-max) | CPU, median |',
    '| --- | ---: | ---: |',
    `| 1 variant (${report.pages} pages) | ${seconds(single)} (${seconds(Math.min(...report.single.map((m) => m.milliseconds)))}-${seconds(Math.max(...report.single.map((m) => m.milliseconds)))}) | ${seconds(median(report.single.map((m) => m.cpuMs)))} |`,
    `| ${report.variants} variants (${report.pages * report.variants} pages) | ${seconds(triple)} (${seconds(Math.min(...report.triple.map((m) => m.milliseconds)))}-${seconds(Math.max(...report.triple.map((m) => m.milliseconds)))}) | ${seconds(median(report.triple.map((m) => m.cpuMs)))} |`,
    '',
    `${report.variants} variants cost **${ratio.toFixed(2)}×** one (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'not met'}).`,
    '',
    '| Edit, render cache warm | Pages rendered (expected) | Build summary |',
    '| --- | ---: | --- |',
    ...report.edits.map((e) => `| ${e.edit} | ${e.rendered ?? '?'} (${e.expected}) | ${e.summary.replaceAll('|', '\\|')} |`),
    '',
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { mkdtempSync } = await import('node:fs');
  const os = await import('node:os');
  const { values } = parseArgs({ args: process.argv.slice(2), options: { pages: { type: 'string', default: '1000' }, runs: { type: 'string', default: '3' } } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docsmith-variants-'));
  try {
    const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
    const report = await measureVariants({ command: process.execPath, args: ['--single-threaded-gc', path.join(repo, 'bin', 'docsmith.mjs')], dir, pages: Number(values.pages), runs: Number(values.runs), seed: 1, log: (line) => console.error(`[bench] ${line}`) });
    console.log(renderVariantsReport(report));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
