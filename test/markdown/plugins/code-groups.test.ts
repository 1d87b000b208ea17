import { describe, expect, it } from 'vitest';
import { rehypeCodeGroups } from '../../../src/markdown/plugins/code-groups.ts';
import { codeMeta } from '../../../src/markdown/plugins/code-meta.ts';
import { renderWith } from './render.ts';

describe('rehypeCodeGroups', () => {
  it('groups consecutive tabbed fences into labelled panels', () => {
    const html = renderWith('```python tab="Python" group="sdk"\nprint(1)\n```\n\n```js tab="JavaScript" group="sdk"\nlog(1)\n```\n\nAfter.', rehypeCodeGroups);
    expect(html).toBe(
      '<div class="code-group" data-group="sdk">' +
        '<div class="code-group-panel" data-tab="Python"><p class="code-group-label">Python</p><pre><code class="language-python">print(1)\n</code></pre></div>' +
        '<div class="code-group-panel" data-tab="JavaScript"><p class="code-group-label">JavaScript</p><pre><code class="language-js">log(1)\n</code></pre></div>' +
        '</div>\n<p>After.</p>',
    );
  });
  it('starts a new group when the group name changes or prose comes between', () => {
    const html = renderWith('```sh tab="A"\na\n```\n\nText\n\n```sh tab="B"\nb\n```\n```sh tab="C" group="other"\nc\n```', rehypeCodeGroups);
    expect(html.match(/class="code-group"/g)).toHaveLength(3);
    expect(html).toContain('data-group="code"');
  });
  it('leaves fences without a tab alone', () => {
    expect(renderWith('```sh\nls\n```', rehypeCodeGroups)).toBe('<pre><code class="language-sh">ls\n</code></pre>');
  });
});

describe('codeMeta', () => {
  it('reads quoted and bare values', () => {
    const code = { type: 'element', tagName: 'code', properties: {}, children: [], data: { meta: `tab="Node.js 20" group=sdk title='a b'` } } as const;
    expect(codeMeta(code as never)).toEqual({ tab: 'Node.js 20', group: 'sdk', title: 'a b' });
  });
});
