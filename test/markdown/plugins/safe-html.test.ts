import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '../../../src/markdown/processor.ts';
import { isUnsafeUrl } from '../../../src/markdown/plugins/safe-html.ts';
import type { MarkdownPageData } from '../../../src/markdown/page-data.ts';
import { lineColumn } from './render.ts';

const processor = createMarkdownProcessor();
function render(markdown: string) {
  const page: MarkdownPageData = { contentPath: 'index.md', base: '/', links: [], headings: [], anchors: [], problems: [] };
  const file = { value: markdown, path: 'content/index.md', data: { page } };
  const html = String(processor.stringify(processor.runSync(processor.parse(file), file), file));
  return { html, problems: page.problems };
}

describe('isUnsafeUrl', () => {
  it('catches script URLs however they are spelt', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'vbscript:msgbox', 'data:text/html,<script>x</script>', 'DATA:text/html;base64,PHNjcmlwdD4=']) {
      expect(isUnsafeUrl(url), url).toBe(true);
    }
  });
  it('lets ordinary and image data URLs through', () => {
    for (const url of ['https://example.com', '/api/users/', '#top', 'mailto:a@b.c', 'data:image/png;base64,iVBOR']) expect(isUnsafeUrl(url), url).toBe(false);
  });
});

describe('rehypeSafeHtml', () => {
  it('removes script links and images with a warning at their position', () => {
    const { html, problems } = render('Click [me](javascript:alert(1)) or [me too](&#106;avascript:alert(1)).\n\n![x](JaVaScRiPt:alert(1))\n');
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain('<a>me</a>');
    expect(problems).toEqual([
      { offset: 6, severity: 'warning', message: 'unsafe link URL "javascript:alert(1)" was removed', rule: 'html/unsafe-url' },
      { offset: 35, severity: 'warning', message: 'unsafe link URL "javascript:alert(1)" was removed', rule: 'html/unsafe-url' },
      { offset: 72, severity: 'warning', message: 'unsafe image URL "JaVaScRiPt:alert(1)" was removed', rule: 'html/unsafe-url' },
    ]);
  });

  it('keeps harmless raw HTML and strips scripts, styles, iframes and handlers', () => {
    const { html } = render(
      'Press <kbd>Ctrl</kbd>.\n\n<details><summary>More</summary>Hidden</details>\n\n<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\n<iframe src="https://evil.test"></iframe>\n\n<img src="x.png" alt="x" onerror="alert(1)" style="position:fixed">\n\n<a href="javascript:alert(1)">raw</a>\n',
    );
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<details><summary>More</summary>Hidden</details>');
    expect(html).not.toMatch(/<script|<style|<iframe|onerror|position:fixed|javascript:/i);
    expect(html).toContain('<img src="/x.png" alt="x">');
  });

  it('keeps what GFM produces: task lists, footnotes, code languages', () => {
    const { html } = render('- [x] done\n\nNote[^1]\n\n[^1]: Text\n\n```json\n{}\n```\n');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toMatch(/<code class="language-json">|data-lang="json"/);
  });
});

describe('what the sanitiser removes is reported', () => {
  const report = (markdown: string) => render(markdown).problems.map((problem) => `${lineColumn(markdown, problem.offset)} ${problem.rule}: ${problem.message}`);

  it('names each removed element once, at its tag, with why', () => {
    const markdown = [
      '<script setup>',
      "import { ref } from 'vue'",
      '</script>',
      '',
      '# Releases',
      '',
      'Streaming <Badge type="tip" text="beta" /> is new.',
      '',
      '<style scoped>',
      '.note { color: red }',
      '</style>',
      '',
      '<iframe src="https://example.com/embed"></iframe>',
      '',
      '<Tabs>',
      '<TabItem value="npm">',
      '',
      'npm install',
      '',
      '</TabItem>',
      '</Tabs>',
      '',
    ].join('\n');
    expect(report(markdown)).toEqual([
      '1:1 html/removed-element: raw HTML <script> was removed with its content: pages cannot run scripts; a script belongs in a layout in templates/',
      '7:11 html/removed-element: raw HTML <Badge> was removed: Vue and MDX components are not rendered; write it as markdown or plain HTML',
      '9:1 html/removed-element: raw HTML <style> was removed with its content: pages cannot carry styles; CSS belongs in the theme (templates/)',
      '13:1 html/removed-element: raw HTML <iframe> was removed: pages may use the HTML GitHub allows in READMEs, which has no <iframe>',
      '15:1 html/removed-element: raw HTML <Tabs> was removed (the text inside is kept): Vue and MDX components are not rendered; write it as markdown or plain HTML',
      '16:1 html/removed-element: raw HTML <TabItem> was removed (the text inside is kept): Vue and MDX components are not rendered; write it as markdown or plain HTML',
    ]);
  });

  it('lists the attributes taken from a kept element in one warning', () => {
    const markdown = 'Intro.\n\n<img src="chart.png" alt="Chart" onerror="track()" style="width:50%" class="wide">\n\n<a href="/x/" onclick="go()">Go</a>\n\n<a v-if="repo" :href="repo" target="_blank" rel="noopener">Repo</a>\n';
    expect(report(markdown)).toEqual([
      '3:1 html/removed-attribute: raw HTML <img> lost the attributes "onerror", "style", "class": event handlers do not run in pages; inline styles are not kept; classes are not kept',
      '5:1 html/removed-attribute: raw HTML <a> lost the attribute "onclick": event handlers do not run in pages',
      '7:1 html/removed-attribute: raw HTML <a> lost the attributes "v-if", ":href", "target", "rel": Vue bindings are not run; GitHub\'s allow-list for READMEs has no "target" or "rel" on <a>',
    ]);
  });

  it('does not print a removed style sheet as text, and says nothing about HTML it keeps', () => {
    const { html, problems } = render('<style>body { display: none }</style>\n\nPress <kbd>Ctrl</kbd>, see <a href="#x" title="t">x</a>.\n\n<details open><summary>More</summary>Hidden</details>\n');
    expect(html).not.toContain('display');
    expect(problems.map((problem) => problem.rule)).toEqual(['html/removed-element']);
  });
});

