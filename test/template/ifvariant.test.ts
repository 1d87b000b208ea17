import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { siteVariants } from '../../src/config/variants.ts';
import { createLiquid } from '../../src/template/liquid.ts';
import { resolvePlaceholders } from '../../src/template/placeholders.ts';
import { pageScope, variantConfig } from '../../src/template/scope.ts';
import type { TemplateSet } from '../../src/template/templates.ts';

const templates: TemplateSet = { sources: {}, files: {}, assets: {} };
const liquid = createLiquid(templates, { escapeOutput: false });
const config = configSchema.parse({
  metadata: { product: 'DataFlow' },
  variants: [
    { name: 'cloud', label: 'DataFlow Cloud', default: true, metadata: { api: 'https://api.example.com' } },
    { name: 'self-hosted', metadata: { api: 'https://internal.example/api' } },
    { name: 'v1', status: 'outdated' },
  ],
});
const variants = siteVariants(config);
const inVariant = (name: string, body: string) => {
  const variant = variants.find((v) => v.name === name)!;
  return resolvePlaceholders(body, pageScope({}, { url: '/guide/' }, variantConfig(config, variant), variant), liquid, templates);
};
const problems = (name: string, body: string) => inVariant(name, body).problems.map((p) => `${p.location.kind === 'input' ? p.location.offset : '?'} ${p.message} [${p.rule}]`);

describe('ifvariant', () => {
  it('renders its text in the variants its condition names, and the else text in the others', () => {
    const body = '{% ifvariant cloud or v1 %}managed{% else %}yours{% endifvariant %} / {% ifvariant not v1 %}new{% endifvariant %}';
    expect(inVariant('cloud', body).text).toBe('managed / new');
    expect(inVariant('self-hosted', body).text).toBe('yours / new');
    expect(inVariant('v1', body).text).toBe('managed / ');
  });

  it('gives the variant and its metadata to placeholders, the page URL under the variant path', () => {
    const body = '{{ variant.label }} ({{ variant.name }}, {{ variant.status }}): {{ page.metadata.product }} at {{ page.metadata.api }}, {{ page.url }}';
    expect(inVariant('cloud', body).text).toBe('DataFlow Cloud (cloud, current): DataFlow at https://api.example.com, /guide/');
    expect(inVariant('self-hosted', body).text).toBe('self-hosted (self-hosted, current): DataFlow at https://internal.example/api, /self-hosted/guide/');
  });

  it('reports a name the site lacks at the name, with the near one, even in text no variant renders', () => {
    const body = 'Intro.\n{% if false %}{% ifvariant clod %}x{% endifvariant %}{% endif %}\n{% ifvariant cloud or not v2 %}y{% endifvariant %}\n';
    expect(problems('cloud', body)).toEqual([
      `${body.indexOf('clod')} unknown variant "clod"; did you mean "cloud"? (the site's variants: "cloud", "self-hosted", "v1") [variants/unknown]`,
      `${body.indexOf('v2')} unknown variant "v2"; did you mean "v1"? (the site's variants: "cloud", "self-hosted", "v1") [variants/unknown]`,
    ]);
  });

  it('reports a name at its own column, not inside the word ifvariant', () => {
    expect(problems('cloud', '{% ifvariant ant %}x{% endifvariant %}')[0]).toMatch(/^13 unknown variant "ant"/);
  });

  it('reports a condition it cannot read, a second else and a block left open', () => {
    expect(problems('cloud', '{% ifvariant cloud and v1 %}x{% endifvariant %}')[0]).toContain('unexpected "and" in ifvariant; write a variant name');
    expect(problems('cloud', '{% ifvariant %}x{% endifvariant %}')[0]).toContain('ifvariant needs a condition');
    expect(problems('cloud', '{% ifvariant cloud %}a{% else %}b{% else %}c{% endifvariant %}')[0]).toContain('one {% else %} at most');
    expect(problems('cloud', '{% ifvariant cloud %}a')[0]).toContain('not closed: end it with {% endifvariant %}');
  });

  it('counts as reading the variant, so the page is rendered once per variant', () => {
    expect(inVariant('cloud', '{% ifvariant cloud %}a{% endifvariant %}').used).toEqual(['variant.name']);
  });

  it('is an error on a site without variants', () => {
    const plain = configSchema.parse({});
    const result = resolvePlaceholders('{% ifvariant cloud %}a{% endifvariant %}', pageScope({}, { url: '/' }, plain), liquid, templates);
    expect(result.problems.map((p) => `${p.location.kind === 'input' && p.location.offset} ${p.message}`)).toEqual(['0 this site has no variants, so ifvariant has nothing to choose from: add `variants` to site.config.ts, or remove the block']);
    expect(result.text).toBe('');
  });
});
