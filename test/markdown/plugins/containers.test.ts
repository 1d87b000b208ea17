import type { Element, Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { rehypeContainers } from '../../../src/markdown/plugins/container-blocks.ts';
import { lineColumn, renderPage } from './render.ts';

const callout = (type: string, title: string, body: string) => `<div class="callout callout-${type}" role="note"><p class="callout-title">${title}</p>\n${body}\n</div>`;

describe('containers (VitePress and Docusaurus)', () => {
  it('renders VitePress’s spelling as callouts, with default or custom titles', () => {
    const { html, problems } = renderPage('::: tip\nKeep the **key** safe.\n:::\n\n::: warning Rate *limits* apply\nSlow down.\n:::\n\n::: danger\nThis deletes data.\n:::\n\n::: info\nFYI.\n:::\n');
    expect(html).toBe(
      [
        callout('tip', 'Tip', '<p>Keep the <strong>key</strong> safe.</p>'),
        callout('warning', 'Rate <em>limits</em> apply', '<p>Slow down.</p>'),
        callout('caution', 'Danger', '<p>This deletes data.</p>'),
        callout('note', 'Info', '<p>FYI.</p>'),
      ].join('\n'),
    );
    expect(problems).toEqual([]);
  });

  it('renders Docusaurus’s spelling: no space, a [title], the older title after a space', () => {
    const { html } = renderPage(':::note\nA.\n:::\n\n:::tip[Before you `deploy`]\nB.\n:::\n\n:::caution Read this\nC.\n:::\n\n:::important\nD.\n:::\n');
    expect(html).toBe(
      [
        callout('note', 'Note', '<p>A.</p>'),
        callout('tip', 'Before you <code>deploy</code>', '<p>B.</p>'),
        callout('caution', 'Read this', '<p>C.</p>'),
        callout('important', 'Important', '<p>D.</p>'),
      ].join('\n'),
    );
  });

  it('gives the same HTML as the GitHub alert of the same kind', () => {
    expect(renderPage('::: warning\nMind the gap.\n:::\n').html).toBe(renderPage('> [!WARNING]\n> Mind the gap.\n').html);
  });

  it('renders details as <details> with a summary, open with {open}', () => {
    expect(renderPage('::: details Show the response\n```json\n{}\n```\n:::\n').html).toBe(
      '<details><summary>Show the response</summary>\n<div class="code-block" data-lang="json"><pre class="shiki plain" tabindex="0"><code>{}</code></pre></div>\n</details>',
    );
    expect(renderPage('::: details\nMore.\n:::\n\n::: details Expanded {open}\nHere.\n:::\n').html).toBe(
      '<details><summary>Details</summary>\n<p>More.</p>\n</details>\n<details open><summary>Expanded</summary>\n<p>Here.</p>\n</details>',
    );
  });

  it('drops the title line with {no-title}', () => {
    expect(renderPage('::: tip {no-title}\nShort.\n:::\n').html).toBe('<div class="callout callout-tip" role="note">\n<p>Short.</p>\n</div>');
  });

  it('turns a code-group into tabs labelled by the fences’ [labels], else their languages', () => {
    const { html } = renderPage('::: code-group\n\n```sh [npm]\nnpm install dataflow\n```\n\n```sh [pnpm]\npnpm add dataflow\n```\n\n```yaml\nkey: 1\n```\n\n:::\n');
    expect(html).toBe(
      '<div class="code-group" data-group="code">' +
        '<div class="code-group-panel" data-tab="npm"><p class="code-group-label">npm</p><div class="code-block" data-lang="sh"><pre class="shiki plain" tabindex="0"><code>npm install dataflow</code></pre></div></div>' +
        '<div class="code-group-panel" data-tab="pnpm"><p class="code-group-label">pnpm</p><div class="code-block" data-lang="sh"><pre class="shiki plain" tabindex="0"><code>pnpm add dataflow</code></pre></div></div>' +
        '<div class="code-group-panel" data-tab="yaml"><p class="code-group-label">yaml</p><div class="code-block" data-lang="yaml"><pre class="shiki plain" tabindex="0"><code>key: 1</code></pre></div></div>' +
        '</div>',
    );
  });

  it('nests: an outer container with more colons, and containers in lists and quotes', () => {
    expect(renderPage('::::: warning Outer\nBefore.\n::: tip Inner\nInside.\n:::\nAfter.\n:::::\n').html).toBe(
      callout('warning', 'Outer', `<p>Before.</p>\n${callout('tip', 'Inner', '<p>Inside.</p>')}\n<p>After.</p>`),
    );
    expect(renderPage('- Step one\n\n  ::: tip\n  Listed.\n  :::\n- Step two\n').html).toBe(
      `<ul>\n<li>\n<p>Step one</p>\n${callout('tip', 'Tip', '<p>Listed.</p>')}\n</li>\n<li>\n<p>Step two</p>\n</li>\n</ul>`,
    );
    expect(renderPage('> ::: note\n> Quoted.\n> :::\n').html).toBe(`<blockquote>\n${callout('note', 'Note', '<p>Quoted.</p>')}\n</blockquote>`);
  });

  it('interrupts a paragraph and closes on the next line, as VitePress does', () => {
    expect(renderPage('Text.\n::: tip\nTip.\n:::\nMore.\n').html).toBe(`<p>Text.</p>\n${callout('tip', 'Tip', '<p>Tip.</p>')}\n<p>More.</p>`);
  });

  it('leaves colons that open nothing as they are: in code, without a name, mid-line', () => {
    const markdown = '```md\n::: tip\nNot a container.\n:::\n```\n\n:::\n\n::: 123\n\nTime 10:30 ::: here\n';
    const { html, problems } = renderPage(markdown);
    expect(html).toContain('<code>::: tip\nNot a container.\n:::</code>');
    expect(html).toContain('<p>:::</p>\n<p>::: 123</p>\n<p>Time 10:30 ::: here</p>');
    expect(problems).toEqual([]);
  });

  it('keeps containers on a page with raw HTML, whose sanitiser would strip their classes', () => {
    const { html, problems } = renderPage('<kbd>Ctrl</kbd>\n\n::: tip Press <kbd>K</kbd>\nThen <span onclick="x()">type</span>.\n:::\n');
    expect(html).toBe(`<p><kbd>Ctrl</kbd></p>\n${callout('tip', 'Press <kbd>K</kbd>', '<p>Then <span>type</span>.</p>')}`);
    expect(problems.map((problem) => problem.rule)).toEqual(['html/removed-attribute']);
  });

  it('reports what is inside a container at its place in the source', () => {
    const markdown = 'Intro.\n\n:::: tip See [setup](./setup.md)\n- A [link](./guide.md#install) in a list.\n\n  ::: warning\n  [Unsafe](javascript:alert(1))\n  :::\n::::\n';
    const { page, problems } = renderPage(markdown);
    expect(page.links.map((link) => [link.written, lineColumn(markdown, link.offset)])).toEqual([
      ['./setup.md', '3:14'],
      ['./guide.md#install', '4:5'],
    ]);
    expect(problems.map((problem) => [problem.rule, lineColumn(markdown, problem.offset)])).toEqual([['html/unsafe-url', '7:3']]);
  });

  it('warns about an unknown name at its line, and shows the content', () => {
    const markdown = 'Intro.\n\n::: sidebar More to read\nThe **content**.\n:::\n';
    const { html, problems } = renderPage(markdown);
    expect(html).toBe('<p>Intro.</p>\n<p>More to read</p>\n<p>The <strong>content</strong>.</p>');
    expect(problems).toEqual([
      {
        offset: 8,
        severity: 'warning',
        rule: 'markdown/unknown-container',
        message: 'unknown container "::: sidebar": its content is shown without a box; the containers are note, info, tip, important, warning, caution, danger, details, code-group',
      },
    ]);
  });

  it('closes a container left open at the end of the page (VitePress does the same), with a warning', () => {
    const markdown = '# Guide\n\n:::: tip\nStill in the tip.\n:::\n\nAnd this.\n';
    const { html, problems } = renderPage(markdown);
    // Three colons close nothing that four opened.
    expect(html).toBe(`<h1 id="guide">Guide</h1>\n${callout('tip', 'Tip', '<p>Still in the tip.\n:::</p>\n<p>And this.</p>')}`);
    expect(problems).toEqual([
      {
        offset: 9,
        severity: 'warning',
        rule: 'markdown/unclosed-container',
        message: 'container ":::: tip" is never closed, so it runs to the end of the page (or of the list or quote it is in); end it with a line of "::::"',
      },
    ]);
  });

  it('quotes the opening line as it was written', () => {
    expect(renderPage(':::aside[More]\nText.\n').problems.map((problem) => problem.message)).toEqual([
      'unknown container ":::aside": its content is shown without a box; the containers are note, info, tip, important, warning, caution, danger, details, code-group',
      'container ":::aside" is never closed, so it runs to the end of the page (or of the list or quote it is in); end it with a line of ":::"',
    ]);
  });

  it('explains an inner container nested with as many colons, which closes the outer one too soon', () => {
    const markdown = '::: tip\nOuter.\n::: details More\nInner.\n:::\n:::\n';
    const { problems } = renderPage(markdown);
    expect(problems.map((problem) => `${lineColumn(markdown, problem.offset)} ${problem.message}`)).toEqual([
      '3:1 container "::: details" is never closed: the ":::" line meant for it closed the container around it; give the outer one more colons (":::: tip" … "::::")',
    ]);
  });

  it('keeps what follows an empty code-group', () => {
    expect(renderPage('::: code-group\n:::\n\n::: tip\nAfter.\n:::\n').html).toBe(`\n${callout('tip', 'Tip', '<p>After.</p>')}`);
    // Side by side, with no line break between them to step over.
    const box = (name: string): Element => ({ type: 'element', tagName: 'div', properties: {}, data: { container: { name, open: false, noTitle: false } }, children: [] });
    const tree: Root = { type: 'root', children: [box('code-group'), box('tip')] };
    rehypeContainers()(tree, new VFile(':::'));
    expect(tree.children).toMatchObject([{ tagName: 'div', properties: { className: ['callout', 'callout-tip'] } }]);
  });
});

