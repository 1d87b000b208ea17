import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Highlighter } from 'shiki';
import { createCodeHighlighter, rehypeHighlight } from '../../../src/markdown/plugins/highlight.ts';
import { renderPage, renderWith } from './render.ts';

let highlighter: Highlighter;
beforeAll(async () => {
  highlighter = await createCodeHighlighter();
});
afterAll(() => highlighter.dispose());

describe('rehypeHighlight', () => {
  it('colours every required language with light and dark variables', () => {
    for (const lang of ['bash', 'shell', 'json', 'python', 'javascript', 'typescript', 'yaml', 'html']) {
      const html = renderWith(`\`\`\`${lang}\nx = "y" # z\n\`\`\``, [rehypeHighlight, { highlighter }]);
      expect(html, lang).toMatch(/^<div class="code-block" data-lang="[a-z]+"><pre class="shiki shiki-themes github-light-default github-dark-default"/);
      expect(html, lang).toContain('--shiki-dark:');
    }
  });
  it('keeps the text exactly, with no trailing newline', () => {
    const html = renderWith('```json\n{"a": "<b>&"}\n```', [rehypeHighlight, { highlighter }]);
    const text = html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#x26;/g, '&').replace(/&quot;/g, '"');
    expect(text).toBe('{"a": "<b>&"}');
  });
  it('shows unknown languages and plain fences as escaped text', () => {
    expect(renderWith('```cobol\n<x>\n```', [rehypeHighlight, { highlighter }])).toBe(
      '<div class="code-block" data-lang="cobol"><pre class="shiki plain" tabindex="0"><code>&#x3C;x></code></pre></div>',
    );
    expect(renderWith('```\nplain\n```', [rehypeHighlight, { highlighter }])).toBe('<div class="code-block"><pre class="shiki plain" tabindex="0"><code>plain</code></pre></div>');
  });
  it('highlights a line in full however long it takes (the output depends on the page alone, not on the machine’s load)', () => {
    const markdown = "```javascript\nconst client = new DataFlow.Client('10');\n```";
    const calm = renderWith(markdown, [rehypeHighlight, { highlighter }]);
    // Every clock reading a second later than the last: Shiki's default limit (500 ms a
    // line) would leave the rest of the line plain after the first token.
    let now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    try {
      expect(renderWith(markdown, [rehypeHighlight, { highlighter }])).toBe(calm);
    } finally {
      clock.mockRestore();
    }
    expect(calm).toContain('>Client</span>');
  });
  it('works without a highlighter', () => {
    expect(renderWith('```python\nx\n```', rehypeHighlight)).toBe('<div class="code-block" data-lang="python"><pre class="shiki plain" tabindex="0"><code>x</code></pre></div>');
  });
  it('leaves raw HTML’s <pre> as written: text around its <code>, and every <code> in it', () => {
    const { html } = renderPage('<pre>before <code>x</code> after</pre>\n\n<pre><code>one</code><code>two</code></pre>\n', { highlighter });
    expect(html).toBe('<pre>before <code>x</code> after</pre>\n<pre><code>one</code><code>two</code></pre>');
  });
  it('highlights fenced and indented code blocks, also on a page with raw HTML', () => {
    const { html } = renderPage('<kbd>Ctrl</kbd>\n\n```json\n{"a": 1}\n```\n\n    indented\n', { highlighter });
    expect(html).toContain('<div class="code-block" data-lang="json"><pre class="shiki shiki-themes');
    expect(html).toContain('<div class="code-block"><pre class="shiki plain" tabindex="0"><code>indented</code></pre></div>');
  });
  it('keeps a fence’s tab label on a page with raw HTML (the sanitiser does not see it)', () => {
    const { html } = renderPage('<kbd>Ctrl</kbd>\n\n```sh tab="npm"\nnpm i\n```\n', { highlighter });
    expect(html).toContain('<div class="code-group-panel" data-tab="npm">');
  });
});
