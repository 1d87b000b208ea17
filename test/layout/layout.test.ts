import { describe, expect, it } from 'vitest';
import { THEME_DIR } from '../../src/build/index.ts';
import { defaultConfig } from '../../src/config/schema.ts';
import { createRenderEngines } from '../../src/render/engines.ts';
import { renderPage } from '../../src/render/page.ts';
import { loadTemplates, type TemplateSet } from '../../src/template/templates.ts';
import { makeSite } from '../helpers.ts';

const page = { file: 'content/guide.md', contentPath: 'guide.md', url: '/guide/', outputPath: 'guide/index.html' };
const source = '# Guide\n\n## Install\n\n### On Linux\n\n## Configure <b>it</b>\n';

function render(templates: TemplateSet, config = defaultConfig) {
  return renderPage({ source, page, config, templates }, createRenderEngines(templates));
}

describe('renderLayout with the built-in theme', () => {
  it('prints the same "On this page" list in the narrow screens\' menu and beside the page', () => {
    const html = render(loadTemplates({ themeDir: THEME_DIR, siteRoot: makeSite({}) })).html!;
    const lists = [...html.matchAll(/On this page<\/(?:summary|p)>\n(<ul>[\s\S]*?<\/ul>)/g)].map((match) => match[1]);
    expect(lists).toHaveLength(2);
    expect(lists[0]).toBe(lists[1]);
    expect(lists[0]).toBe('<ul>\n<li class="toc-h2"><a href="#install">Install</a></li>\n<li class="toc-h3"><a href="#on-linux">On Linux</a></li>\n<li class="toc-h2"><a href="#configure-it">Configure it</a></li>\n</ul>');
  });

  it('gives a layout without the menu its list too, and a site\'s own toc-links in both places', () => {
    const site = makeSite({
      'templates/wide.liquid': '{{ content | raw }}{% include "partials/toc" %}',
      'templates/partials/toc-links.liquid': '<ol>{% for heading in toc %}<li>{{ heading.text }}</li>{% endfor %}</ol>',
    });
    const own = loadTemplates({ themeDir: THEME_DIR, siteRoot: site });
    const wide = renderPage({ source: `---\nlayout: wide\n---\n${source}`, page, config: defaultConfig, templates: own }, createRenderEngines(own));
    expect(wide.diagnostics).toEqual([]);
    expect(wide.html).toContain('<ol><li>Install</li><li>On Linux</li><li>Configure it</li></ol>');
    expect(render(own).html!.match(/<ol>/g)).toHaveLength(2);
  });

  it('has `variant` and `variants` as nothing on a site without variants', () => {
    const site = makeSite({ 'templates/layout.liquid': '[{% if variants %}many{% endif %}{% if variant %}one{% endif %}{{ variant.label }}]' });
    const result = render(loadTemplates({ themeDir: THEME_DIR, siteRoot: site }));
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toBe('[]');
  });

  it('still reports a name no layout has', () => {
    const site = makeSite({ 'templates/layout.liquid': '{{ varient.label }}' });
    expect(render(loadTemplates({ themeDir: THEME_DIR, siteRoot: site })).diagnostics).toMatchObject([{ rule: 'liquid/undefined-variable', file: 'templates/layout.liquid' }]);
  });
});
