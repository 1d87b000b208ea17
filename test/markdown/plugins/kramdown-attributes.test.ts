import { describe, expect, it } from 'vitest';
import { lineColumn, renderPage } from './render.ts';

function report(markdown: string) {
  const { html, problems } = renderPage(markdown);
  return { html, problems: problems.map((problem) => `${lineColumn(markdown, problem.offset)} ${problem.rule}: ${problem.message}`) };
}

describe('kramdown attribute lists', () => {
  it('leaves out a class list under a paragraph, with a warning at it that suggests a callout', () => {
    expect(report('Back up the database first.\n{: .warning}\n\nNext.\n')).toEqual({
      html: '<p>Back up the database first.</p>\n<p>Next.</p>',
      problems: ['2:1 markdown/kramdown-attributes: kramdown attribute list "{: .warning}" is not supported and was left out; for a note or warning, write a "> [!NOTE]" callout'],
    });
  });

  it('leaves out {:toc} with the list it marks, pointing to "On this page"', () => {
    expect(report('# Guide\n\n* Table of contents\n{:toc}\n\nText.\n')).toEqual({
      html: '<h1 id="guide">Guide</h1>\n<p>Text.</p>',
      problems: ['4:1 markdown/kramdown-attributes: kramdown attribute list "{:toc}" is not supported and was left out with the list it marks; the built-in layout lists the page\'s sections under "On this page"'],
    });
  });

  it('suggests {#id} for an id list, under a heading or at its end', () => {
    const { html, problems } = report('## Install\n{: #setup}\n\n## Limits {: #limits}\n');
    expect(html).toBe(
      '<h2 id="install">Install <a class="heading-anchor" href="#install" aria-label="Link to section “Install”" data-pagefind-ignore="">#</a></h2>\n' +
        '<h2 id="limits">Limits <a class="heading-anchor" href="#limits" aria-label="Link to section “Limits”" data-pagefind-ignore="">#</a></h2>',
    );
    expect(problems).toEqual([
      '2:1 markdown/kramdown-attributes: kramdown attribute list "{: #setup}" is not supported and was left out; to give a heading an id, end the heading with "{#id}"',
      '4:11 markdown/kramdown-attributes: kramdown attribute list "{: #limits}" is not supported and was left out; to give a heading an id, end the heading with "{#id}"',
    ]);
  });

  it('leaves look-alikes in prose and code alone', () => {
    expect(report('A Ruby hash {:key => 1} and `{: .note}` in code.\n\n```\n{: .note}\n```\n')).toEqual({
      html: '<p>A Ruby hash {:key => 1} and <code>{: .note}</code> in code.</p>\n<div class="code-block"><pre class="shiki plain" tabindex="0"><code>{: .note}</code></pre></div>',
      problems: [],
    });
  });
});
