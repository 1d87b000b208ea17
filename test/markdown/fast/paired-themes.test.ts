import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Highlighter, ThemeRegistrationResolved } from 'shiki';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeHighlighter, HIGHLIGHT_LANGUAGES, HIGHLIGHT_THEMES } from '../../../src/markdown/plugins/highlight.ts';
import { createPairedHighlight, pairedColors, type PairedHighlight } from '../../../src/markdown/fast/paired-themes.ts';
import { dialects } from '../../../bench/dialects.ts';
import { renderPageBody } from '../../../bench/pages.ts';
import { planSite } from '../../../bench/plan.ts';

let highlighter: Highlighter;
let paired: PairedHighlight;
beforeAll(async () => {
  highlighter = await createCodeHighlighter();
  paired = createPairedHighlight(highlighter, HIGHLIGHT_THEMES, { tokenizeTimeLimit: 0 })!;
});
afterAll(() => highlighter.dispose());

/** Shiki's own two-theme HTML: what the paired highlight must reproduce. */
const twoPasses = (code: string, lang: string) => toHtml(highlighter.codeToHast(code, { lang, themes: HIGHLIGHT_THEMES, defaultColor: false, tokenizeTimeLimit: 0 }));
const onePass = (code: string, lang: string) => toHtml(paired(code, lang));

/** Every fenced block of a markdown page, with a language Shiki has loaded. */
function codeBlocks(markdown: string): Array<{ lang: string; code: string }> {
  const aliases: Record<string, string> = { bash: 'shellscript', sh: 'shellscript', shell: 'shellscript', js: 'javascript', ts: 'typescript', yml: 'yaml' };
  return [...markdown.matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```$/gm)]
    .map(([, lang, code]) => ({ lang: aliases[lang!] ?? lang!, code: code!.replace(/\n$/, '') }))
    .filter(({ lang }) => (HIGHLIGHT_LANGUAGES as readonly string[]).includes(lang));
}

/** Each language at its trickiest: embedded languages, escapes, comments, tabs, trailing and leading blanks. */
const SAMPLES: Record<(typeof HIGHLIGHT_LANGUAGES)[number], string> = {
  shellscript: 'curl -X POST \\\n\t-H "Authorization: Bearer $TOKEN" \\\n     -d \'{"a":1}\'   \n# comment $(x) `y`\nfor f in *.md; do echo "${f%.md}" >&2; done\n\n  ',
  json: '{\n  "a": [1, -2.5e3, true, null],\n\t"b": "\\u00e9\\n\\"",\n  "c": {}  \n}\n',
  python: '@decorator\nasync def f(x: int = 0) -> str:\n    """Doc."""\n    return f"{x!r:>10}" + r"\\d+"  # note\n\nclass A(B): pass\t\n',
  javascript: 'const re = /a+\\/b/gi; // c\nexport default async function* g({ a = `t${1 + 2}` }) {\n\tyield await x?.y ?? 0;\n}\n/* block */ let é = 1;\n',
  typescript: 'interface P<T extends object = {}> { readonly a?: T[] }\ntype U = keyof P | `x-${string}`;\nenum E { A = 1 }\nconst v = <T,>(x: T): x is T => true satisfies boolean;\n',
  yaml: '# comment\nkey: &anchor value\nlist:\n  - "quoted: yes"\n  - *anchor\nblock: |\n  text   \n\tbad tab\nempty:\n',
  html: '<!doctype html>\n<p class="a" data-x=\'1\'>x &amp; y</p>\n<script>const a = "<b>";</script>\n<style>p { color: red; }</style>\n<!-- c -->\n',
};

describe('createPairedHighlight', () => {
  it('pairs GitHub’s light and dark default themes', () => {
    expect(paired).toBeTypeOf('function');
  });

  it('gives Shiki’s two-theme HTML for every code block of the benchmark’s API pages and this site’s own pages', () => {
    const plans = planSite(120, 3).filter((plan) => plan.section);
    const pages = plans.map((plan) => renderPageBody(plan, plans, dialects.docsmith));
    for (const file of readdirSync('content', { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.md')) pages.push(readFileSync(join('content', file), 'utf8'));
    }
    const blocks = pages.flatMap(codeBlocks);
    expect(new Set(blocks.map((block) => block.lang))).toEqual(new Set(['shellscript', 'json', 'python', 'javascript']));
    expect(blocks.length).toBeGreaterThan(300);
    for (const { lang, code } of blocks) expect(onePass(code, lang)).toBe(twoPasses(code, lang));
  });

  it('gives Shiki’s two-theme HTML for each language at its trickiest', () => {
    for (const [lang, code] of Object.entries(SAMPLES)) expect(onePass(code, lang), lang).toBe(twoPasses(code, lang));
  });

  it('gives Shiki’s two-theme HTML for text made of any language’s pieces', () => {
    const pieces = Object.values(SAMPLES).flatMap((sample) => sample.split(/(?<=[\s"'`;:{}()<>[\]])/));
    const code = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '\t', '\n', '  \n', '\r\n', '\\', '"', '#', '//', '<!--', '${', 'é', '')), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom(...HIGHLIGHT_LANGUAGES), code, (lang, text) => {
        expect(onePass(text, lang)).toBe(twoPasses(text, lang));
      }),
      { numRuns: 400 },
    );
  });
});

describe('pairedColors', () => {
  const light = () => structuredClone(highlighter.getTheme(HIGHLIGHT_THEMES.light));
  const dark = () => structuredClone(highlighter.getTheme(HIGHLIGHT_THEMES.dark));
  /** Index of a rule that sets a foreground, and one after it with another light colour. */
  const twoColoured = (theme: ThemeRegistrationResolved) => {
    const first = theme.settings.findIndex((rule) => rule.scope && rule.settings.foreground);
    const second = theme.settings.findIndex((rule, index) => index > first && rule.scope && rule.settings.foreground && rule.settings.foreground !== theme.settings[first]!.settings.foreground);
    return [first, second] as const;
  };

  it('maps each light colour, the defaults included, to its dark colour, upper-cased as tokens carry them', () => {
    const colors = pairedColors(light(), dark())!;
    expect(colors.get('#1F2328')).toBe('#E6EDF3');
    expect(colors.get('#FFFFFF')).toBe('#0D1117');
  });

  it('refuses themes whose rules differ in scope, font style or number', () => {
    const [first] = twoColoured(light());
    const scoped = dark();
    scoped.settings[first] = { ...scoped.settings[first]!, scope: 'something.else' };
    expect(pairedColors(light(), scoped)).toBeUndefined();
    const styled = dark();
    styled.settings[first] = { ...styled.settings[first]!, settings: { ...styled.settings[first]!.settings, fontStyle: 'bold' } };
    expect(pairedColors(light(), styled)).toBeUndefined();
    const shorter = dark();
    shorter.settings.pop();
    expect(pairedColors(light(), shorter)).toBeUndefined();
  });

  it('refuses a light colour that stands for two dark colours', () => {
    const lighter = light();
    const [first, second] = twoColoured(lighter);
    lighter.settings[second] = { ...lighter.settings[second]!, settings: { ...lighter.settings[second]!.settings, foreground: lighter.settings[first]!.settings.foreground } };
    expect(pairedColors(lighter, dark())).toBeUndefined();
  });

  it('leaves unpaired themes to Shiki’s two passes', async () => {
    const tweaked = { ...dark(), name: 'tweaked-dark' };
    tweaked.settings = tweaked.settings.slice(0, -1);
    await highlighter.loadTheme(tweaked);
    expect(createPairedHighlight(highlighter, { light: HIGHLIGHT_THEMES.light, dark: 'tweaked-dark' })).toBeUndefined();
  });
});
