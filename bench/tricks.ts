/**
 * Measures each trick in src/markdown/fast/ against the stock path it replaces: every
 * variant runs in this one process, in rotating order, and the median CPU time per page
 * is printed. Not a test: `npx tsx bench/tricks.ts [ROUNDS] [PAGES] [DIR]`
 * (DIR: a content folder of markdown pages; without it, generated benchmark API pages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { dialects } from './dialects.ts';
import { renderPageBody } from './pages.ts';
import { planSite } from './plan.ts';
import { createPairedHighlight, rehypeHeadingSlugs, remarkAutolinkScope, remarkGfmLineGates } from '../src/markdown/fast/index.ts';
import { createCodeHighlighter, HIGHLIGHT_THEMES } from '../src/markdown/plugins/highlight.ts';

const [rounds = 6, count = 300] = process.argv.slice(2, 4).map(Number);
const dir = process.argv[4];
const plans = planSite(count + 20, 1).filter((plan) => plan.section).slice(0, count);
const pages = dir
  ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort().slice(0, count).map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
  : plans.map((plan) => renderPageBody(plan, plans, dialects.docsmith));
const cpu = (run: () => void) => { const start = process.cpuUsage(); run(); const used = process.cpuUsage(start); return (used.user + used.system) / 1000; };
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

function ab(title: string, variants: Record<string, () => void | number>, per: number) {
  const names = Object.keys(variants);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round <= rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      // A variant that returns a number timed itself (leaving its set-up out).
      let own: number | void = undefined;
      const whole = cpu(() => {
        own = variants[name]!();
      });
      const t = typeof own === 'number' ? own : whole;
      if (round > 0) times[name]!.push(t / per);
    }
  }
  console.log(title);
  for (const name of names) console.log(`  ${name}: ${median(times[name]!).toFixed(3)} ms CPU per page (median of ${rounds}; ${times[name]!.map((t) => t.toFixed(2)).join(' ')})`);
}

const base = () => unified().use(remarkParse).use(remarkGfm);
const parsers = {
  'remark-gfm alone': base().freeze(),
  'with line gates': base().use(remarkGfmLineGates).freeze(),
  'with autolink scope': base().use(remarkAutolinkScope).freeze(),
  'with both': base().use(remarkGfmLineGates).use(remarkAutolinkScope).freeze(),
};
ab(`parse (remark-parse + remark-gfm), ${pages.length} pages`, Object.fromEntries(Object.entries(parsers).map(([n, p]) => [n, () => { for (const page of pages) p.parse(page); }])), pages.length);

const toHast = unified().use(remarkRehype);
const hasts = pages.map((page) => toHast.runSync(parsers['remark-gfm alone'].parse(page)) as HastRoot);
const slug = rehypeSlug();
const headingSlugs = rehypeHeadingSlugs();
let copies: HastRoot[] = [];
const fresh = () => { copies = hasts.map((tree) => structuredClone(tree)); };
ab('heading ids on the page trees', {
  'rehype-slug on the whole tree': () => { fresh(); return cpu(() => { for (const t of copies) slug(t); }); },
  'rehype-slug on the headings alone': () => { fresh(); return cpu(() => { for (const t of copies) headingSlugs(t); }); },
}, pages.length);

const highlighter = await createCodeHighlighter();
const blocks = pages.flatMap((page) => [...page.matchAll(/^```(json|bash|python|javascript)[^\n]*\n([\s\S]*?)^```$/gm)].map(([, lang, code]) => ({ lang: lang === 'bash' ? 'shellscript' : lang!, code: code!.replace(/\n$/, '') })));
const paired = createPairedHighlight(highlighter, HIGHLIGHT_THEMES, { tokenizeTimeLimit: 0 })!;
ab(`highlighting the ${blocks.length} code blocks of those pages`, {
  "Shiki's two-theme call": () => { for (const b of blocks) highlighter.codeToHast(b.code, { lang: b.lang, themes: HIGHLIGHT_THEMES, defaultColor: false, tokenizeTimeLimit: 0 }); },
  'paired themes': () => { for (const b of blocks) paired(b.code, b.lang); },
}, pages.length);
