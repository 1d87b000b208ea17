import { describe, expect, it } from 'vitest';
import { rehypeHeadingAnchors } from '../../../src/markdown/plugins/heading-anchors.ts';
import { renderWith } from './render.ts';

describe('rehypeHeadingAnchors', () => {
  it('adds a labelled # link to h2–h6, not to the h1', () => {
    expect(renderWith('# Title\n\n## List users\n\n### Query', rehypeHeadingAnchors)).toBe(
      '<h1 id="title">Title</h1>\n' +
        '<h2 id="list-users">List users <a class="heading-anchor" href="#list-users" aria-label="Link to section “List users”" data-pagefind-ignore="">#</a></h2>\n' +
        '<h3 id="query">Query <a class="heading-anchor" href="#query" aria-label="Link to section “Query”" data-pagefind-ignore="">#</a></h3>',
    );
  });
});
