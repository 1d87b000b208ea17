import { describe, expect, it } from 'vitest';
import type { TemplateSet } from '../../src/template/templates.ts';
import { createLiquid } from '../../src/template/liquid.ts';
import { resolvePlaceholders } from '../../src/template/placeholders.ts';

const templates: TemplateSet = { sources: { 'card.liquid': '{{ include.title }} {{ shown }}' }, files: {}, assets: {} };
const liquid = createLiquid(templates, { escapeOutput: false });
const scope = {
  page: { title: 'Ferry', metadata: { repository: 'https://git.example.com/ferry', version: '3.7.0' } },
  site: { title: 'Ferry Docs', description: '', base: '/', url: '', metadata: { repository: 'https://git.example.com/ferry', version: '3.7.0' } },
};
const messages = (body: string) => resolvePlaceholders(body, scope, liquid, templates).problems.map((p) => p.message);
const SHOWN = 'wrap it in {% raw %}…{% endraw %} or put templating: false in the frontmatter';

describe('hints that teach', () => {
  it('points a Jekyll site variable at the metadata of the same name (which site.metadata also reads)', () => {
    expect(messages('{{ site.repository }} {{ site.metadata.repository }}')).toEqual(['undefined placeholder "site.repository"; did you mean "page.metadata.repository"?']);
  });

  it('says what site holds when the name is nowhere', () => {
    expect(messages('{{ site.author }}')).toEqual([
      'undefined placeholder "site.author"; site has only title, description, base, url and metadata: put values of your own under metadata in site.config.ts and write page.metadata.author',
    ]);
    expect(messages('{{ site.baseurl }}')).toEqual(['undefined placeholder "site.baseurl"; did you mean "site.base"?']);
  });

  it('shows how to keep another tool’s template syntax as written', () => {
    expect(messages('```yaml\ntoken: ${{ secrets.DEPLOY_TOKEN }}\n```')).toEqual([`undefined placeholder "secrets.DEPLOY_TOKEN"; placeholders start with page. or site.; to show another tool's template syntax as written, ${SHOWN}`]);
    expect(messages('Hello, {{ name }}!')).toEqual([`undefined placeholder "name"; placeholders start with page. or site.; to show another tool's template syntax as written, ${SHOWN}`]);
    // A bare name that is also a metadata key may be either.
    expect(messages('the {{ version }} release')).toEqual([`undefined placeholder "version"; did you mean "page.metadata.version"? (if it shows another tool's syntax, ${SHOWN})`]);
  });

  it('asks for the argument a template reads, and keeps page advice out of templates', () => {
    expect(messages('{% include "card" %}')).toEqual([
      'undefined placeholder "include.title"; pass it where the template is included, like {% include "card" title="…" %}',
      'undefined placeholder "shown"',
    ]);
  });

  it('says what Jekyll’s filters and tags become', () => {
    expect(messages("{{ '/b/' | relative_url }}")).toEqual(['unknown filter "relative_url"; links need no filter here: write the source path ([text](./page.md)) or the URL (/page/), and the site base is added for you']);
    expect(messages('{{ page.title | markdownify }} {{ page.title | upcas }} {{ page.title | shout }}')).toEqual(['unknown filter "markdownify"; the page is markdown already: remove the filter', 'unknown filter "upcas"; did you mean "upcase"?', 'unknown filter "shout"']);
    expect(messages('{% highlight js %}\nlet a;\n{% endhighlight %}')).toEqual(['unknown tag "highlight"; write a fenced code block instead: ```js … ```']);
    expect(messages('{% inclde "card" %}')).toEqual(['unknown tag "inclde"; did you mean "include"?']);
  });

  it('names what a stray or unclosed tag lacks', () => {
    expect(messages('{% for item in page.list %}{{ item }}')).toEqual(['{% for item in page.list %} is never closed; add {% endfor %} where it ends']);
    expect(messages('text {% else %} more')).toEqual(['{% else %} is outside any block it could belong to ({% if %}, {% unless %}, {% case %} or {% for %})']);
    expect(messages('see {{ page.title')).toEqual(['"{{ page.title" is never closed; close it with "}}", or wrap braces meant literally in {% raw %}…{% endraw %}']);
  });
});
