import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { visitElements } from '../walk.ts';
import { codeLanguage, fencedCode } from './code-meta.ts';
import { createPairedHighlight } from '../fast/index.ts';
import { TOKENIZE_LIMITS } from './tokenize-limits.ts';

/** The languages highlighted at build time; others are shown as plain text. */
export const HIGHLIGHT_LANGUAGES = ['shellscript', 'json', 'python', 'javascript', 'typescript', 'yaml', 'html'] as const;
/** Light and dark colours of every token, switched by CSS variables (`--shiki-light`, `--shiki-dark`). */
export const HIGHLIGHT_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * Loads Shiki's grammars and themes: async and slowish, so a build does it once and passes
 * it in. Shiki's JavaScript regex engine gives the same tokens as its Oniguruma (WASM) one
 * for our languages (checked on every code block of the benchmark corpus and samples of
 * each language) and highlights about 30% faster.
 */
export function createCodeHighlighter(): Promise<Highlighter> {
  return createHighlighter({ themes: Object.values(HIGHLIGHT_THEMES), langs: [...HIGHLIGHT_LANGUAGES], engine: createJavaScriptRegexEngine() });
}

export interface HighlightOptions {
  /** Without one, code blocks keep their plain text (still wrapped, so the copy button works). */
  highlighter?: Highlighter | undefined;
}

/**
 * Highlights code blocks (fenced and indented) with both themes' colours, and wraps each in
 * `div.code-block` for the copy button. Raw HTML's `<pre>` stays as written: it may hold
 * more than one `<code>`, or text around it. Runs after code groups, which read the fence meta.
 */
export function rehypeHighlight(options: HighlightOptions = {}) {
  const { highlighter } = options;
  const loaded = new Set(highlighter?.getLoadedLanguages() ?? []);
  // One tokenization for both themes when they pair up (ours do), else Shiki's two.
  const highlight = highlighter && (createPairedHighlight(highlighter, HIGHLIGHT_THEMES, TOKENIZE_LIMITS) ?? ((code: string, lang: string) => highlighter.codeToHast(code, { lang, themes: HIGHLIGHT_THEMES, defaultColor: false, ...TOKENIZE_LIMITS })));
  return (tree: Root) => {
    visitElements(tree, (node, index, parent) => {
      const code = fencedCode(node);
      if (!code) return;
      const language = codeLanguage(code);
      const text = toString(code).replace(/\n$/, '');
      let pre: Element = node;
      if (highlight && language !== undefined && loaded.has(language)) {
        const highlighted = highlight(text, language);
        const first = highlighted.children[0];
        if (first?.type === 'element') pre = first;
      } else {
        pre = { type: 'element', tagName: 'pre', properties: { className: ['shiki', 'plain'], tabIndex: 0 }, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: text }] }] };
      }
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block'], ...(language ? { dataLang: language } : {}) },
        children: [pre as ElementContent],
      };
      parent.children[index] = wrapper;
      return 'skip';
    });
  };
}
