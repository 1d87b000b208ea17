/**
 * Where a build's time goes, from a V8 CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/cli.ts build --root SITE
 *   tsx bench/profile-summary.ts /tmp/prof/CPU.*.cpuprofile
 *
 * Prints (1) the time inside each pipeline stage, counted once per sample however deep
 * the stage recurses, with the span from its first to its last sample (for stages that
 * wait on another process, such as Pagefind, the span is the better measure), and
 * (2) self time by package, grouped into the parts of the work they do.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Pipeline stages, matched on a stack frame's file (a regular expression) and, when
 * given, its function name ('' is an anonymous function, such as a plugin's transformer).
 */
const STAGE_LIST: ReadonlyArray<{ name: string; url: string; fn?: string }> = [
  { name: 'load config (site.config.ts)', url: '/src/config/load.ts', fn: 'loadConfig' },
  { name: 'load Shiki (grammars, themes)', url: '/src/markdown/plugins/highlight.ts', fn: 'createCodeHighlighter' },
  { name: 'discover content', url: '/src/content/discover.ts' },
  { name: 'site nav (once)', url: '/src/nav/site-nav.ts' },
  { name: 'render content (page body, cacheable)', url: '/src/render/page.ts', fn: 'renderContent' },
  { name: '  frontmatter', url: '/src/content/frontmatter.ts', fn: 'splitFrontmatter' },
  { name: '  placeholders (Liquid in the body)', url: '/src/template/placeholders.ts', fn: 'resolvePlaceholders' },
  { name: '  markdown parse (micromark + GFM)', url: '/node_modules/unified/', fn: 'parse' },
  { name: '  transformers (runSync)', url: '/node_modules/unified/', fn: 'runSync' },
  { name: '    mdast → hast (remark-rehype)', url: '/node_modules/mdast-util-to-hast/', fn: 'toHast' },
  { name: '    safe HTML (sanitize/raw)', url: '/src/markdown/plugins/safe-html.ts' },
  { name: '    slugs (rehype-slug)', url: '/node_modules/rehype-slug/' },
  { name: '    highlight (Shiki)', url: '/src/markdown/plugins/highlight.ts', fn: '' },
  { name: '    other src plugins', url: '/src/markdown/plugins/(?!highlight|safe-html)' },
  { name: '  HTML stringify', url: '/node_modules/unified/', fn: 'stringify' },
  { name: 'layout page (nav + layout)', url: '/src/render/page.ts', fn: 'layoutPage' },
  { name: '  page nav (mark sidebar, prev/next)', url: '/src/nav/page-nav.ts', fn: 'pageNav' },
  { name: '  sidebar HTML', url: '/src/nav/sidebar-html.ts' },
  { name: '  layout (Liquid: toc, pager, partials)', url: '/src/layout/layout.ts', fn: 'renderLayout' },
  { name: 'link check', url: '/src/checks/links.ts', fn: 'checkLinks' },
  { name: 'write output (DiskWriter)', url: '/src/output/writer.ts' },
  { name: 'search index (Pagefind)', url: '/src/search/pagefind.ts', fn: 'writeSearchIndex' },
];
const STAGES = STAGE_LIST.map((stage) => ({ ...stage, pattern: new RegExp(stage.url) }));

/** Packages by the part of the work they do. */
const GROUPS: ReadonlyArray<[string, RegExp]> = [
  ['GFM extensions', /^(micromark-extension-gfm|mdast-util-gfm)/],
  ['CommonMark parse (micromark, mdast)', /^(micromark|mdast-util-from-markdown|decode-named-character-reference|character-entities|remark-parse)/],
  ['Liquid (liquidjs)', /^liquidjs$/],
  ['highlight (Shiki, Oniguruma-to-JS)', /^(shiki|@shikijs\/|oniguruma|regex)/],
  ['mdast → hast', /^(mdast-util-to-hast|remark-rehype)/],
  ['HTML stringify', /^(hast-util-to-html|rehype-stringify|stringify-entities|property-information|html-void-elements|comma-separated-tokens|space-separated-tokens|zwitch|ccount)/],
  ['sanitize / raw HTML', /^(hast-util-sanitize|hast-util-raw|parse5|hast-util-from-parse5|hast-util-to-parse5|rehype-raw|rehype-sanitize)/],
  ['tree walks (unist-util-*, hast-util-to-string)', /^(unist-util-|hast-util-to-string|hast-util-is-element|hast-util-heading-rank|mdast-util-to-string)/],
  ['slugs', /^(github-slugger|rehype-slug)/],
  ['frontmatter (gray-matter, js-yaml), zod', /^(gray-matter|js-yaml|zod|section-matter|kind-of|strip-bom-string)/],
  ['unified core (unified, vfile, trough)', /^(unified|vfile|trough|bail|is-plain-obj|devlop|extend)/],
  ['Pagefind (node side)', /^pagefind/],
  ['tsx / esbuild (loading TypeScript)', /^(tsx|esbuild|get-tsconfig)/],
];

export function summarize(profile: Profile): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0);

  const stageTime = new Map<string, number>();
  const stageSpan = new Map<string, { first: number; last: number }>();
  const groupTime = new Map<string, number>();
  const stageGroups = new Map<string, Map<string, number>>();
  let clock = 0;
  profile.samples.forEach((leaf, i) => {
    // A sample's delta is the time until the next sample: the time spent in this stack.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    clock += profile.timeDeltas[i] ?? 0;
    const frames: CallFrame[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) frames.push(byId.get(id)!.callFrame);
    const group = groupOf(frames[0]!);
    for (const stage of STAGES) {
      if (!frames.some((f) => stage.pattern.test(f.url) && (stage.fn === undefined || f.functionName === stage.fn))) continue;
      stageTime.set(stage.name, (stageTime.get(stage.name) ?? 0) + delta);
      const groups = stageGroups.get(stage.name) ?? stageGroups.set(stage.name, new Map()).get(stage.name)!;
      groups.set(group, (groups.get(group) ?? 0) + delta);
      const span = stageSpan.get(stage.name);
      if (span) span.last = clock + delta;
      else stageSpan.set(stage.name, { first: clock, last: clock + delta });
    }
    groupTime.set(group, (groupTime.get(group) ?? 0) + delta);
  });

  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
  const lines = [`Profile: ${ms(total)} sampled (${profile.samples.length} samples)`, '', '| Stage | CPU in stage | Share | Span (first → last sample) | Mostly (self time) |', '| --- | ---: | ---: | ---: | --- |'];
  for (const stage of STAGES) {
    const time = stageTime.get(stage.name) ?? 0;
    const span = stageSpan.get(stage.name);
    const top = [...(stageGroups.get(stage.name) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const mostly = top.map(([group, t]) => `${group} ${ms(t)}`).join('; ');
    lines.push(`| ${stage.name.replace(/^ +/, (s) => '&nbsp;'.repeat(s.length))} | ${ms(time)} | ${pct(time)} | ${span ? ms(span.last - span.first) : '-'} | ${mostly} |`);
  }
  lines.push('', '| Self time by part of the work | Time | Share |', '| --- | ---: | ---: |');
  for (const [group, time] of [...groupTime].sort((a, b) => b[1] - a[1])) if (time >= total / 1000) lines.push(`| ${group} | ${ms(time)} | ${pct(time)} |`);
  return lines.join('\n');
}

function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : `native: ${functionName || '(anonymous)'}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return GROUPS.find(([, pattern]) => pattern.test(pkg))?.[0] ?? `package ${pkg}`;
  const src = /\/(src\/.+)$/.exec(url)?.[1];
  return src ? `our code: ${src}` : url;
}

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: tsx bench/profile-summary.ts FILE.cpuprofile');
for (const file of files) console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile));
