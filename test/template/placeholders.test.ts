import { describe, expect, it } from 'vitest';
import { createLiquid } from '../../src/template/liquid.ts';
import { resolvePlaceholders } from '../../src/template/placeholders.ts';
import type { TemplateSet } from '../../src/layout/templates.ts';

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
    expect(resolve('x {{ page.title | shout }}').problems).toEqual([{ location: { kind: 'input', offset: 2 }, message: 'undefined filter: shout', rule: 'liquid/syntax' }]);
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
    expect(resolve('{% include "../.env" %}').problems[0]?.message).toMatch(/^ENOENT: Failed to lookup "..\/.env"/);
    expect(resolve('{% include "/etc/passwd" %}').problems[0]?.message).toMatch(/^ENOENT/);
  });

  it('locates an error inside an included template in that template', () => {
    expect(resolve('{% include "broken" %}').problems).toEqual([
      { location: { kind: 'template', name: 'broken.liquid', line: 1, column: 6 }, message: 'undefined placeholder "missing"', rule: 'liquid/undefined-variable' },
    ]);
  });

  it('keeps assigned variables across the page', () => {
    expect(resolve('{% assign v = page.metadata.product_name %}[{{ v }}]').text).toBe('[DataFlow]');
  });
});
