import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLiquid } from '../../src/template/liquid.ts';
import { resolvePlaceholders, TemplateVariables } from '../../src/template/placeholders.ts';
import type { TemplateSet } from '../../src/template/templates.ts';

const templates: TemplateSet = {
  sources: { 'note.liquid': 'Note: {{ page.metadata.product_name }}', 'broken.liquid': 'x {{ missing }}' },
  files: { 'note.liquid': 'templates/note.liquid', 'broken.liquid': 'templates/broken.liquid' },
  assets: {},
};
const liquid = createLiquid(templates, { escapeOutput: false });
const scope = { page: { title: 'Users', metadata: { product_name: 'DataFlow', api_base_url: 'https://api.example.com/v1' } } };
const resolve = (body: string) => resolvePlaceholders(body, scope, liquid, templates);

describe('resolvePlaceholders', () => {
  it('resolves placeholders in prose and in fenced code alike', () => {
    const { text, problems } = resolve('Use {{ page.metadata.product_name }}.\n```bash\ncurl {{ page.metadata.api_base_url }}/users\n```\n');
    expect(text).toBe('Use DataFlow.\n```bash\ncurl https://api.example.com/v1/users\n```\n');
    expect(problems).toEqual([]);
  });

  it('leaves text without Liquid untouched', () => {
    expect(resolve('plain {text}').text).toBe('plain {text}');
  });

  it('renders the text between tags as Liquid does, whitespace control included', () => {
    const body = 'a  {{- page.title -}}  b\n{%- if page.title %} c {% endif -%}\n d {{ page.title }}\n';
    expect(resolve(body).text).toBe(liquid.parseAndRenderSync(body, scope));
    expect(resolve(body).text).toBe('aUsersb c d Users\n');
  });

  it('keeps {% raw %} literal', () => {
    expect(resolve('{% raw %}{{ page.title }}{% endraw %}').text).toBe('{{ page.title }}');
  });

  it('reports every undefined placeholder of a page, with a suggestion', () => {
    const { problems, text } = resolve('a {{ page.metadata.prodct_name }}\nb {{ page.metadata.api_base_ulr }} {{ page.nothing_like_it }}');
    expect(problems).toEqual([
      { location: { kind: 'input', offset: 5 }, message: 'undefined placeholder "page.metadata.prodct_name"; did you mean "page.metadata.product_name"?', rule: 'liquid/undefined-variable' },
      { location: { kind: 'input', offset: 39 }, message: 'undefined placeholder "page.metadata.api_base_ulr"; did you mean "page.metadata.api_base_url"?', rule: 'liquid/undefined-variable' },
      { location: { kind: 'input', offset: 72 }, message: 'undefined placeholder "page.nothing_like_it"', rule: 'liquid/undefined-variable' },
    ]);
    // A failed placeholder stays as written, so later positions stay close to the source.
    expect(text.startsWith('a {{ page.metadata.prodct_name }}')).toBe(true);
  });

  it('reports an unknown filter and a syntax error', () => {
    expect(resolve('x {{ page.title | shout }}').problems).toEqual([{ location: { kind: 'input', offset: 2 }, message: 'unknown filter "shout"', rule: 'liquid/syntax' }]);
    expect(resolve('x\n{% if %}').problems[0]).toMatchObject({ location: { kind: 'input', offset: 7 }, rule: 'liquid/syntax' });
  });

  it('refuses prototype access and objects printed whole', () => {
    const { problems } = resolve('{{ page.constructor }} {{ page.metadata }}');
    expect(problems.map((p) => p.message)).toEqual([
      'undefined placeholder "page.constructor"',
      'this placeholder is an object, not a value; name one of its keys',
    ]);
  });

  it('includes only templates it was given, never files on disk', () => {
    expect(resolve('{% include "note" %}').text).toBe('Note: DataFlow');
    expect(resolve('{% include "../.env" %}').problems[0]?.message).toBe('template "../.env" not found in templates/');
    expect(resolve('{% include "/etc/passwd" %}').problems[0]?.message).toBe('template "/etc/passwd" not found in templates/');
  });

  it('locates an error inside an included template in that template', () => {
    expect(resolve('{% include "broken" %}').problems).toEqual([
      { location: { kind: 'template', name: 'broken.liquid', line: 1, column: 6 }, message: 'undefined placeholder "missing"', rule: 'liquid/undefined-variable', includedFrom: [{ kind: 'input', offset: 0 }] },
    ]);
  });

  it('keeps assigned variables across the page', () => {
    expect(resolve('{% assign v = page.metadata.product_name %}[{{ v }}]').text).toBe('[DataFlow]');
  });

  it('reports a typo on the right of an assign, where it is written, and once', () => {
    expect(resolve('x\n{% assign v = page.metadata.prodct_name | upcase %}[{{ v }}]').problems).toEqual([
      { location: { kind: 'input', offset: 16 }, message: 'undefined placeholder "page.metadata.prodct_name"; did you mean "page.metadata.product_name"?', rule: 'liquid/undefined-variable' },
    ]);
  });

  it('still lets an assign fall back with default, and if ask whether a value exists', () => {
    const { text, problems } = resolve("{% assign v = page.metadata.edition | default: 'Community' %}{{ v }}{% if page.metadata.edition %}!{% endif %}");
    expect(problems).toEqual([]);
    expect(text).toBe('Community');
  });
});

describe('partials are confined', () => {
  const looped: TemplateSet = {
    sources: { 'a.liquid': 'A {% include "b" %}', 'b.liquid': 'B {% render "a" %}', 'self.liquid': '{% include "self" %}' },
    files: { 'a.liquid': 'templates/a.liquid', 'b.liquid': 'templates/b.liquid', 'self.liquid': 'templates/self.liquid' },
    assets: {},
  };
  const engine = createLiquid(looped, { escapeOutput: false });

  it('reports a template that includes itself, with the chain, instead of hanging', () => {
    expect(resolvePlaceholders('x {% include "self" %}', scope, engine, looped).problems).toEqual([
      // The chain is 32 includes long: only where the page starts it is kept.
      { location: { kind: 'template', name: 'self.liquid', line: 1, column: 1 }, message: 'templates include each other 32 levels deep, which means a loop: "self" → "self"', rule: 'liquid/render', includedFrom: [{ kind: 'input', offset: 2 }] },
    ]);
    expect(resolvePlaceholders('{% include "a" %}', scope, engine, looped).problems[0]?.message).toBe('templates include each other 32 levels deep, which means a loop: "a" → "b" → "a"');
  });

  it('allows a template to render itself for nested data', () => {
    const tree: TemplateSet = { sources: { 'tree.liquid': '[{{ node.name }}{% for child in node.children %}{% render "tree", node: child %}{% endfor %}]' }, files: {}, assets: {} };
    const nested = { node: { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] } };
    expect(resolvePlaceholders('{% render "tree", node: node %}', nested, createLiquid(tree, { escapeOutput: false }), tree).text).toBe('[a[b[c]]]');
  });

  it('refuses template names taken from variables', () => {
    expect(resolvePlaceholders('{% include page.title %}', scope, engine, looped).problems[0]).toMatchObject({
      message: '{% include %} needs a quoted template name, like {% include "partials/note" %}; names from variables are not allowed',
      rule: 'liquid/syntax',
    });
  });

  it('still renders sibling nodes after a failed include', () => {
    expect(resolvePlaceholders('{% include "self" %} and {{ page.title }}', scope, engine, looped).text).toBe('{% include "self" %} and Users');
  });

  it('lists the variables a page reads, as liquidjs’s analysis of the whole page does', () => {
    const analysed = (body: string) => {
      const { globals } = liquid.analyzeSync(liquid.parse(body));
      return [...new Set(Object.values(globals).flatMap((variables) => variables.map(String)))].sort();
    };
    const piece = fc.constantFrom(
      'text ', '\n```bash\n', '{{ page.metadata.product_name }}', '{{ page.metadata.api_base_url }}', '{{ page.title | upcase }}',
      '{{ page.metadata.missing | default: site.title }}', '{{ page.metadata["product_name"] }}', '{{ a.b[c.d] }}', '{{- page.title -}}',
      '{% assign x = page.metadata.product_name %}', '{{ x }}', '{% for item in page.metadata.list %}{{ item.name }}{% endfor %}',
      '{% if page.title %}{{ page.url }}{% endif %}', '{% capture c %}{{ page.title }}{% endcapture %}{{ c }}',
    );
    const variables = new TemplateVariables(liquid);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const body = pieces.join('');
        // Twice: the second time, outputs come from what the first analysed.
        expect(variables.of(liquid.parse(body))).toEqual(analysed(body));
        expect(variables.of(liquid.parse(body))).toEqual(analysed(body));
      }),
      { numRuns: 300 },
    );
    expect(resolve('{{ page.title }} {% assign t = page.url %}{{ t }}').used).toEqual(['page.title', 'page.url']);
  });
});
