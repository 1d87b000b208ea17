import { describe, expect, it } from 'vitest';
import type { TemplateSet } from '../../src/template/templates.ts';
import { createLiquid } from '../../src/template/liquid.ts';
import { resolvePlaceholders } from '../../src/template/placeholders.ts';

const templates: TemplateSet = {
  sources: {
    'badge.liquid': 'v{{ include.version }}',
    'plain.liquid': 'v{{ version }}',
    'pill.liquid': '[{{ label }}]',
    'partials/note.liquid': 'Note',
    'option.liquid': '<dt>{{ include.name }}</dt> {% include "badge" version=include.since %}',
  },
  files: {},
  assets: {},
};
const liquid = createLiquid(templates, { escapeOutput: false });
const scope = { page: { title: 'Ferry', metadata: { release: '3.7.0' } } };
const resolve = (body: string) => resolvePlaceholders(body, scope, liquid, templates);
const messages = (body: string) => resolve(body).problems.map((p) => p.message);

describe('include arguments', () => {
  it('reads Jekyll’s key="value", as include.key and as the plain name', () => {
    expect(resolve('{% include "badge" version="3.7.0" %}')).toMatchObject({ text: 'v3.7.0', problems: [] });
    expect(resolve('{% include "plain" version="3.7.0" %}')).toMatchObject({ text: 'v3.7.0', problems: [] });
  });

  it('reads Liquid’s key: value the same way, and values from placeholders', () => {
    expect(resolve('{% include "badge", version: "3.7.0" %}').text).toBe('v3.7.0');
    expect(resolve('{% include "plain" version=page.metadata.release %}').text).toBe('v3.7.0');
    expect(resolve("{% include 'pill' label='new', version: 1 %}{% include 'badge' version=2 %}").text).toBe('[new]v2');
  });

  it('refuses an argument it cannot read instead of printing a wrong value', () => {
    expect(messages('{% include "badge" version %}')).toEqual(['include argument "version" has no value; write version="…", like {% include "badge" version="3.7.0" %}']);
    expect(messages('{% include "badge" version="3.7.0" +beta %}')).toEqual(['{% include %} could not read "+beta"; write arguments as key="value", like {% include "badge" version="3.7.0" %}']);
    expect(messages('{% render "plain" version="3.7.0" %}')).toEqual(['{% render %} takes arguments as key: value, not key=value; write {% render "plain", version: "3.7.0" %}']);
    expect(messages('{% render "plain" version %}')).toEqual(['{% render %} could not read "version" (it has no value); write arguments as key: value, like {% render "plain", version: "3.7.0" %}']);
  });

  it('says that a template name is quoted, has no extension, and lives in templates/', () => {
    expect(messages('{% include badge.html %}')).toEqual(['the template name in {% include badge.html %} must be quoted and written without its extension: {% include "badge" %} reads templates/badge.liquid']);
    expect(messages('{% include partials/note.html %}')).toEqual(['the template name in {% include partials/note.html %} must be quoted and written without its extension: {% include "partials/note" %} reads templates/partials/note.liquid']);
    expect(messages('{% include "badge.html" %}')).toEqual(['template "badge.html" not found: templates are .liquid files in templates/, named without the extension; did you mean "badge"?']);
    expect(messages('{% include "footer.html" %}')).toEqual(['template "footer.html" not found: templates are .liquid files in templates/, named without the extension; "footer" reads templates/footer.liquid']);
    expect(messages('{% include "bagde" %}')).toEqual(['template "bagde" not found in templates/; did you mean "badge"?']);
  });

  it('locates a mistake in an include’s own arguments there, not inside the template it includes', () => {
    expect(resolve('x {% include "option" name="root" %}').problems).toEqual([
      {
        location: { kind: 'template', name: 'option.liquid', line: 1, column: 56 },
        message: 'undefined placeholder "include.since"; pass it where the template is included, like {% include "option" since="…" %}',
        rule: 'liquid/undefined-variable',
        includedFrom: [{ kind: 'input', offset: 2 }],
      },
    ]);
  });

  it('still refuses a name taken from a variable', () => {
    expect(messages('{% include page.title %}')).toEqual(['{% include %} needs a quoted template name, like {% include "partials/note" %}; names from variables are not allowed']);
  });
});
