import { describe, expect, it } from 'vitest';
import { rehypeScrollTables } from '../../../src/markdown/plugins/scroll-tables.ts';
import { renderWith } from './render.ts';

const table = '| a | b |\n| - | - |\n| 1 | 2 |';

describe('rehypeScrollTables', () => {
  it('wraps tables in a focusable region named by the headings above', () => {
    const html = renderWith(`# Page\n\n## Delete user\n\n### Path parameters\n\n${table}`, rehypeScrollTables);
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-labelledby="delete-user path-parameters"><table>');
  });
  it('names a table without a heading "Table"', () => {
    expect(renderWith(table, rehypeScrollTables)).toMatch(/^<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>/);
  });
});
