/**
 * The performance page (docs/content/performance.md), made from the bench's last full
 * report, bench/results.md (`npm run bench` writes it), so that the figures readers see
 * are the ones measured, with the date and the machine they were measured on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPORT = 'bench/results.md';
/** bench/floor.ts's last table, when it was written (`--out bench/floor.md`). */
const FLOOR = 'bench/floor.md';

/** One corpus of the report: its rows by build kind, and its sizes by page count. */
interface Corpus {
  name: string;
  intro: string;
  builds: Map<string, Map<number, Row>>;
  sizes: Map<number, { dist: string; median: string; cpuRatio: string }>;
  targets: string[][];
}

interface Row {
  wall: string;
  compared: string;
  rss: string;
}

export function performancePage(repoRoot: string): string {
  const report = readFileSync(path.join(repoRoot, REPORT), 'utf8');
  const field = (name: string) => new RegExp(`^- ${name}: (.*)$`, 'm').exec(report)?.[1]?.trim() ?? '';
  const date = field('Date').slice(0, 10);
  const command = field('Command').replace(/^`|`$/g, '');
  const machine = field('Machine');
  const corpora = report.split(/^## Corpus: /m).slice(1).map(readCorpus);
  const devLoop = /^## Dev loop\n\n([^\n]*)\n\n\| Median[^\n]*\n[^\n]*\n\| ([^|]+) \| ([^|]+) \|/m.exec(report);

  const lines = [
    '---',
    'title: Performance',
    'description: docsmith and Eleventy building the same sites, side by side.',
    'order: 6',
    'metadata:',
    `  bench_date: "${date}"`,
    `  bench_command: "${command.replaceAll('"', '\\"')}"`,
    `  bench_machine: "${machine.replaceAll('"', '\\"')}"`,
    '---',
    '',
    `<!-- Generated from ${REPORT} by \`npm run docs:generate\`: run the bench, then regenerate. -->`,
    '',
    '# Performance',
    '',
    '`npm run bench` builds the same generated API reference with docsmith and with Eleventy 3',
    '(its Liquid, an equivalent minimal layout, its syntax-highlight plugin), and with Eleventy',
    'followed by `pagefind --site` for search, alternating fresh processes. docsmith builds with',
    'its built-in theme, as a site does. These figures come from',
    '`{{ page.metadata.bench_command }}`, run on {{ page.metadata.bench_date }}: {{ page.metadata.bench_machine }}.',
    'Compare the ratios, measured side by side, more than the absolute times.',
    '',
  ];
  for (const corpus of corpora) {
    lines.push(`## ${capitalize(corpus.name)} corpus`, '', corpus.intro, '');
    const eleventy = corpus.builds.get('eleventy') ?? new Map<number, Row>();
    const at = (kind: string, pages: number) => corpus.builds.get(kind)?.get(pages);
    // A bench from before the section rebuild was measured has no such rows: no empty column.
    const columns: Array<[string, (pages: number, eleventyRow: Row) => string]> = [
      ['Pages', (pages) => pages.toLocaleString('en-US')],
      ['Eleventy', (_, eleventyRow) => eleventyRow.wall],
      ['docsmith `--no-search`', (pages) => withRatio(at('cold', pages))],
      ['Eleventy + Pagefind', (pages) => at('eleventy+pagefind', pages)?.wall ?? ''],
      ['docsmith (with search)', (pages) => withRatio(at('default', pages))],
      ['Rebuild, no change', (pages) => withRatio(at('rebuild', pages))],
      ...(corpus.builds.has('section-add') ? [['Page added to a section', (pages: number) => withRatio(at('section-add', pages))] as [string, (pages: number) => string]] : []),
      ['Re-layout of every page', (pages) => withRatio(at('relayout', pages))],
      ['Peak RSS, docsmith / Eleventy', (pages, eleventyRow) => `${at('cold', pages)?.rss ?? ''} / ${eleventyRow.rss}`],
      ['Median page', (pages) => corpus.sizes.get(pages)?.median ?? ''],
      ['`dist/`', (pages) => corpus.sizes.get(pages)?.dist ?? ''],
    ];
    lines.push(`| ${columns.map(([header]) => header).join(' | ')} |`, `|${columns.map(() => ' ---: |').join('')}`);
    for (const [pages, eleventyRow] of eleventy) lines.push(`| ${columns.map(([, cell]) => cell(pages, eleventyRow)).join(' | ')} |`);
    lines.push('');
    if (corpus.targets.length > 0) {
      lines.push('Against the targets docsmith holds itself to:', '', '| Target | Measured | Met |', '| --- | ---: | :---: |');
      for (const target of corpus.targets) lines.push(`| ${target.join(' | ')} |`);
      lines.push('');
    }
  }
  if (devLoop) {
    lines.push('## Dev server', '', `${devLoop[1]} Median ${devLoop[2]!.trim()} (${devLoop[3]!.trim()}).`, '');
  }
  const floor = readOptional(path.join(repoRoot, FLOOR));
  if (floor) {
    lines.push(
      '## What the markdown libraries cost',
      '',
      'docsmith turns markdown into HTML with unified, remark and rehype: a syntax tree that',
      'plugins, positions for every diagnostic and the Markdown twin are built on. Eleventy uses',
      'markdown-it, which goes from text to HTML directly. `bench/floor.ts` times each on the same',
      'pages of the overviews corpus, with nothing else (no highlighting, placeholders, layout or',
      'files), and spreads the cost of every page over all cores: the fastest a build could be',
      'with that parser alone.',
      '',
      floor.trim(),
      '',
      'As published, the remark libraries alone take about as long as 1.5× Eleventy\'s whole build',
      '(1.3× to 1.7× over runs on this machine): that is why docsmith patches them (`patches/`, each',
      'patch proven to change no output) and gates GFM\'s costliest constructs',
      '(`src/markdown/fast/`). The rest of a cold build is the rest of the chain (Shiki, the',
      'theme\'s plugins), placeholders, the layout and the files.',
      '',
    );
  }
  lines.push(
    '## Run it yourself',
    '',
    '```sh',
    'npm run bench                                   # 1,000 and 4,000 pages, 3 runs each',
    'npm run bench -- --sizes 1000 --runs 1          # a quick look',
    `${command.padEnd(Math.max(48, command.length + 2))}# the figures above`,
    '```',
    '',
    'Run it with nothing else on the machine. The full report, with each build\'s CPU time and',
    'the method, is written to `bench/results.md` in docsmith\'s repository; `bench/HISTORY.md`',
    'records what each optimisation gained.',
    '',
  );
  return lines.join('\n');
}

function readCorpus(section: string): Corpus {
  const [heading = '', ...rest] = section.split('\n');
  const text = rest.join('\n');
  const intro = /\n\n([^|#\n][^\n]*)\n/.exec(`\n${text}`)?.[1] ?? '';
  const builds = new Map<string, Map<number, Row>>();
  const sizes: Corpus['sizes'] = new Map();
  for (const cells of tableRows(text)) {
    const pages = Number(cells[0]);
    if (!Number.isInteger(pages) || pages === 0) continue;
    if (cells.length === 7) {
      const kind = buildKind(cells[1]!);
      if (!kind) continue;
      if (!builds.has(kind)) builds.set(kind, new Map());
      builds.get(kind)!.set(pages, { wall: cells[2]!.replace(/ \(.*\)$/, ''), compared: cells[3]!, rss: cells[5]! });
    } else if (cells.length === 6) {
      sizes.set(pages, { dist: cells[1]!, median: cells[2]!, cpuRatio: cells[5]! });
    }
  }
  const targetsAt = text.indexOf('### Targets');
  const targets = targetsAt < 0 ? [] : tableRows(text.slice(targetsAt).split('\n\n').slice(1, 2).join('')).slice(1);
  return { name: heading.trim(), intro, builds, sizes, targets };
}

/** The cells of every markdown table row in the text, separator rows left out. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-+:?\s*\|/.test(line) && !/^\|\s*:?-/.test(line))
    .map((line) => line.slice(1, -1).split(' | ').map((cell) => cell.trim()));
}

function buildKind(label: string): string | undefined {
  if (label.startsWith('Eleventy cold build, then')) return 'eleventy+pagefind';
  if (label.startsWith('Eleventy')) return 'eleventy';
  if (label.includes('`--no-search`')) return 'cold';
  if (label.includes('default (search index)')) return 'default';
  if (label.includes('nothing changed')) return 'rebuild';
  if (label.includes('added to a section')) return 'section-add';
  if (label.includes('re-layout')) return 'relayout';
  return undefined;
}

/** A docsmith time with what the report compared it with: `17.51 s (1.83×)`. */
function withRatio(row: Row | undefined): string {
  if (!row) return '';
  const ratio = /^([\d.]+(?:×|%))/.exec(row.compared)?.[1];
  return ratio ? `${row.wall} (${ratio})` : row.wall;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
