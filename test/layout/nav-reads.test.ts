import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/build/index.ts';
import { NavReads } from '../../src/layout/nav-reads.ts';
import { createLiquid } from '../../src/template/liquid.ts';
import { loadTemplates, type TemplateSet } from '../../src/template/templates.ts';
import { makeSite } from '../helpers.ts';

function reads(sources: Record<string, string>): NavReads {
  const templates: TemplateSet = { sources, files: {}, assets: {} };
  return new NavReads(templates, createLiquid(templates, { escapeOutput: true }));
}

describe('NavReads: whether a layout reads no more of `nav` than the page\'s own view', () => {
  it("holds for the built-in theme's layouts", () => {
    const templates = loadTemplates({ themeDir: THEME_DIR, siteRoot: makeSite({}) });
    const theme = new NavReads(templates, createLiquid(templates, { escapeOutput: true }));
    expect(theme.pageViewOnly('layout')).toBe(true);
  });

  it('holds for the sidebar HTML and prev/next, read in the layout or in a partial', () => {
    const layouts = reads({
      'layout.liquid': '{{ nav.sidebar_html | raw }}{% include "partials/pager" %}',
      'partials/pager.liquid': '{% if nav.prev %}<a href="{{ nav.prev.href }}">{{ nav.prev.text }}</a>{% endif %}{{ nav.next.text }}',
      'plain.liquid': '{{ content | raw }}',
    });
    expect(layouts.pageViewOnly('layout')).toBe(true);
    expect(layouts.pageViewOnly('plain')).toBe(true);
  });

  it.each([
    ['the whole tree as data', '{% for item in nav.sidebar %}{{ item.text }}{% endfor %}'],
    ['the tree through a variable', '{% assign tree = nav.sidebar %}{{ tree.size }}'],
    ['a computed key', '{% assign part = "sidebar" %}{{ nav[part].size }}'],
    ['`nav` passed on whole', '{% render "partials/menu", menu: nav %}'],
    ['`nav` printed whole', '{{ nav | json }}'],
    ['a partial that reads the tree', '{% include "partials/tree" %}'],
  ])('does not hold for %s', (_, layout) => {
    const layouts = reads({ 'layout.liquid': layout, 'partials/menu.liquid': '{{ menu.sidebar.size }}', 'partials/tree.liquid': '{{ nav.sidebar.first.text }}' });
    expect(layouts.pageViewOnly('layout')).toBe(false);
  });

  it('does not hold for a layout that is missing, does not parse or includes a missing partial', () => {
    const layouts = reads({ 'broken.liquid': '{% if nav.prev %}', 'lost.liquid': '{% include "partials/nowhere" %}' });
    expect(layouts.pageViewOnly('absent')).toBe(false);
    expect(layouts.pageViewOnly('broken')).toBe(false);
    expect(layouts.pageViewOnly('lost')).toBe(false);
  });
});
