import { describe, expect, it } from 'vitest';
import type { TemplateSet } from '../../src/template/templates.ts';
import { createLiquid } from '../../src/template/liquid.ts';
import { fromFailedText, resolvePlaceholders } from '../../src/template/placeholders.ts';

const templates: TemplateSet = {
  sources: { 'two-mistakes.liquid': 'a {{ page.nope }}\nb {{ page.none }}', 'two-typos.liquid': 'a {{ page.title | shout }}\nb {{ page.title | yell }}' },
  files: {},
  assets: {},
};
const liquid = createLiquid(templates, { escapeOutput: false });
const scope = { page: { title: 'Ferry', metadata: { product: 'Ferry' } }, site: { title: 'Ferry Docs' } };
const resolve = (body: string) => resolvePlaceholders(body, scope, liquid, templates);
/** Each problem as `offset message`, the message cut at its first `;` (the hint is tested elsewhere). */
const problemsOf = (body: string) =>
  resolve(body).problems.map((p) => `${p.location.kind === 'input' ? p.location.offset : `${p.location.name}:${p.location.line}:${p.location.column}`} ${p.message.split(';')[0]}`);

describe('one failed piece of Liquid hides nothing else', () => {
  it('reports each unknown filter and each undefined placeholder of a page', () => {
    const body = "<a href=\"{{ '/b/' | relative_url }}\">b</a> <a href=\"{{ '/c/' | relative_url }}\">c</a>\n{{ site.version }} {{ page.metadata.prodct }}";
    expect(problemsOf(body)).toEqual([
      '9 unknown filter "relative_url"',
      '52 unknown filter "relative_url"',
      '89 undefined placeholder "site.version"',
      '108 undefined placeholder "page.metadata.prodct"',
    ]);
  });

  it('reports the problems inside a block, parse and render alike, and still renders it where it can', () => {
    const body = '{% if page.title %}A {{ page.title | shout }} B {{ page.nope }} C {{ page.none }}{% endif %} {{ page.title }}';
    expect(problemsOf(body)).toEqual(['21 unknown filter "shout"', '51 undefined placeholder "page.nope"', '69 undefined placeholder "page.none"']);
    // The block failed as a whole and stays as written; what follows it renders.
    expect(resolve(body).text).toBe(body.replace('{{ page.title }}', 'Ferry'));
  });

  it('parses what an unclosed block held as if the block were not there, without reporting its else again', () => {
    const body = '{% if page.title %}A {% else %}B {{ page.nope }}';
    expect(problemsOf(body)).toEqual(['0 {% if page.title %} is never closed', '36 undefined placeholder "page.nope"']);
  });

  it('reports an unknown tag once, not its end tag; a stray end tag on its own is reported', () => {
    expect(problemsOf('{% highlight ruby %}\nputs 1\n{% endhighlight %}')).toEqual(['0 unknown tag "highlight"']);
    expect(problemsOf('x {% endif %}')).toEqual(['2 {% endif %} has no {% if %} to close']);
  });

  it('reads on after braces that are never closed', () => {
    expect(problemsOf('{{ page.nope }} and {{ oops')).toEqual(['3 undefined placeholder "page.nope"', '20 "{{ oops" is never closed']);
    expect(resolve('{{ page.title }} and {{ oops').text).toBe('Ferry and {{ oops');
  });

  it('takes the rest of the page literally after a {% raw %} that is never closed', () => {
    const body = '{{ page.title }} {% raw %} {{ shown }} {% if %}';
    expect(problemsOf(body)).toEqual(['17 {% raw %} is never closed']);
    expect(resolve(body).text).toBe('Ferry {% raw %} {{ shown }} {% if %}');
  });

  it('reports every mistake of an included template, each with where it was included', () => {
    const { problems } = resolve('x\n{% include "two-mistakes" %}');
    expect(problems.map((p) => [p.location, p.message.split(';')[0], p.includedFrom])).toEqual([
      [{ kind: 'template', name: 'two-mistakes.liquid', line: 1, column: 6 }, 'undefined placeholder "page.nope"', [{ kind: 'input', offset: 2 }]],
      [{ kind: 'template', name: 'two-mistakes.liquid', line: 2, column: 6 }, 'undefined placeholder "page.none"', [{ kind: 'input', offset: 2 }]],
    ]);
    // A template that does not parse is not rendered, but every mistake that stops it is listed.
    expect(problemsOf('{% include "two-typos" %}')).toEqual(['two-typos.liquid:1:3 unknown filter "shout"', 'two-typos.liquid:2:3 unknown filter "yell"']);
  });

  it('reports a render limit once, and the page’s other problems still', () => {
    const body = '{% for i in (1..200000000) %}{{ i }}{% endfor %} {{ page.nope }}';
    expect(problemsOf(body)).toEqual(['0 memory alloc limit exceeded', '52 undefined placeholder "page.nope"']);
  });

  it('keeps failed pieces as written and marks them, so what markdown finds in them is no news', () => {
    const body = "See <a href=\"{{ '/b/' | relative_url }}\">b</a> and [c](./c.md).";
    const result = resolve(body);
    expect(result.text).toBe(body);
    expect(result.failed).toEqual([{ begin: 13, end: 39, text: "{{ '/b/' | relative_url }}" }]);
    // The link element starts before the failed piece but quotes it; the other link is the writer's own.
    expect(fromFailedText(result, 4, "{{ '/b/' | relative_url }}")).toBe(true);
    expect(fromFailedText(result, 20, 'anything found inside the piece')).toBe(true);
    expect(fromFailedText(result, 4, '%7B%7B%20\'/b/\'%20%7C%20relative_url%20%7D%7D')).toBe(true);
    expect(fromFailedText(result, 52, './c.md')).toBe(false);
  });

  it('counts the metadata a failed piece names as read', () => {
    // `site.product` was meant as the metadata key `product`; the second piece did not even parse.
    expect(resolve('{{ site.product }} {{ page.metadata.product | shout }}').used).toEqual(['page.metadata.product', 'site.product']);
  });
});
