import { describe, expect, it } from 'vitest';
import { renderPage } from './render.ts';

const EMPTY = { offset: 0, severity: 'warning', rule: 'markdown/empty-page', message: 'this page is empty: nothing in its body renders to HTML; write its content under the frontmatter, or delete the file' };

describe('empty pages', () => {
  it('warns when the body renders to nothing', () => {
    for (const markdown of ['', '\n\n', '<!-- to do -->\n', '{:toc}\n']) {
      expect(renderPage(markdown).problems.filter((problem) => problem.rule === 'markdown/empty-page'), JSON.stringify(markdown)).toEqual([EMPTY]);
    }
  });
  it('says nothing when anything shows: text, an image, a rule', () => {
    for (const markdown of ['Text.', '![Logo](logo.png)', '---', '<br>']) {
      expect(renderPage(markdown).problems.filter((problem) => problem.rule === 'markdown/empty-page'), markdown).toEqual([]);
    }
  });
});
