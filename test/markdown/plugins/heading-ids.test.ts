import { describe, expect, it } from 'vitest';
import { lineColumn, renderPage } from './render.ts';

describe('custom heading ids', () => {
  it('sets the id and takes {#id} out of the heading, the TOC and the anchor list', () => {
    const { html, page, problems } = renderPage('# Welcome {#top}\n\n## Set up the *CLI* {#setup}\n\nSee [below](#setup).\n\n### Tokens{#tokens}\n');
    expect(html).toContain('<h1 id="top">Welcome</h1>');
    expect(html).toContain('<h2 id="setup">Set up the <em>CLI</em> <a class="heading-anchor" href="#setup" aria-label="Link to section “Set up the CLI”" data-pagefind-ignore="">#</a></h2>');
    expect(html).toContain('<h3 id="tokens">Tokens <a');
    expect(html).not.toContain('{#');
    expect(page.headings.map(({ id, text }) => [id, text])).toEqual([['top', 'Welcome'], ['setup', 'Set up the CLI'], ['tokens', 'Tokens']]);
    expect(page.anchors).toEqual(['top', 'setup', 'tokens']);
    expect(problems).toEqual([]);
  });

  it('works on setext headings and headings in lists and containers', () => {
    const { html } = renderPage('Install {#install}\n=======\n\n- ## Listed {#listed}\n\n::: tip\n## Inside {#inside}\n:::\n');
    expect(html).toContain('<h1 id="install">Install</h1>');
    expect(html).toContain('<h2 id="listed">Listed <a');
    expect(html).toContain('<h2 id="inside">Inside <a');
  });

  it('leaves braces that are not a trailing {#id} as written', () => {
    const { html } = renderPage('## GET /users/{id}\n\n## The {#id} syntax\n\n## Escaped \\{#not-an-id}\n\n## Code `{#x}`\n');
    expect(html).toContain('<h2 id="get-usersid">GET /users/{id} <a');
    expect(html).toContain('<h2 id="the-id-syntax">The {#id} syntax <a');
    expect(html).toContain('<h2 id="escaped-not-an-id">Escaped {#not-an-id} <a');
    expect(html).toContain('<h2 id="code-x">Code <code>{#x}</code> <a');
  });

  it('uses the id of Pandoc’s {#id .class key=value} and warns about the rest', () => {
    const markdown = 'Intro.\n\n## Limits {#limits .wide}\n';
    const { html, problems } = renderPage(markdown);
    expect(html).toContain('<h2 id="limits">Limits <a');
    expect(problems.map((problem) => [lineColumn(markdown, problem.offset), problem.rule, problem.message])).toEqual([
      ['3:11', 'markdown/heading-attributes', 'only the id of "{#limits .wide}" is used: headings take no classes or attributes (".wide" was left out); write "{#limits}"'],
    ]);
  });
});
