import fc from 'fast-check';

/**
 * Generators of what writers type, good and bad: markdown blocks, YAML frontmatter and
 * Liquid, assembled into whole page sources. Weighted towards the constructs that
 * have broken parsers before (nesting, unclosed things, odd characters, unsafe URLs).
 */

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Text, mostly plain, sometimes with characters that tend to upset parsers. */
export const text = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.']{0,30}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: pick('café ünïcödé', '日本語のテキスト', 'emoji 😀👍🏽', 'tab\there', 'nul\u0000byte', 'lone \ud800 surrogate', 'rtl \u202e text', 'cr\ronly', '&amp; &lt;b&gt; &#0; &#x110000;', '\\*not emphasis\\*', '<', '>', '`', '[', ']', '*', '_', '|', '{', '}', '%') },
);

const url = pick(
  'https://example.com/a?b=c#d',
  'other.md',
  './other.md#section',
  '../up.md',
  '/absolute/',
  '#local',
  'missing.md',
  'img/pic.png',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'data:image/png;base64,AAAA',
  ' ',
  '<with spaces.md>',
  'mailto:a@example.com',
  '%zz',
  '//protocol-relative.example.com',
);

const inline = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fc.tuple(text, url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(text, url).map(([t, u]) => `![${t}](${u})`) },
  { weight: 1, arbitrary: text.map((t) => `**${t}** *${t}* \`${t}\` ~~${t}~~`) },
  { weight: 1, arbitrary: pick('<https://autolink.example.com>', 'www.example.com', 'a@b.co', '[ref][missing]', '[^1]', '\\', '  ') },
);

export const html = pick(
  '<script>alert(1)</script>',
  '<div onclick="alert(1)">click</div>',
  '<iframe src="https://evil.example.com"></iframe>',
  '<style>body { display: none }</style>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JAVASCRIPT:alert(1)">x</a>',
  '<details><summary>More</summary>\n\nhidden *markdown*\n\n</details>',
  '<div>',
  '</div>',
  '<!-- comment',
  '<!-- closed -->',
  '<kbd>Ctrl</kbd>+<kbd>C</kbd>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<table><tr><td>cell',
  '<p id="custom">para</p>',
  '<form action="javascript:alert(1)"><input></form>',
  '<object data="x.swf"></object>',
  '<base href="https://evil.example.com/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<![CDATA[ x ]]>',
);

export const liquid = fc.oneof(
  pick(
    '{{ page.title }}',
    '{{ page.metadata.product }}',
    '{{ site.title }}',
    '{{ page.url }}',
    '{{ page.titel }}',
    '{{ pgae.title }}',
    '{{ page.metadata.prodcut }}',
    '{{ page.title',
    '{{ }}',
    '{{ page.title | upcase }}',
    '{{ page.title | nosuchfilter }}',
    '{{ page.metadata.product | append: "!" | downcase }}',
    '{{ page.metadata | json }}',
    '{{ page.metadata }}',
    '{{ page.metadata.list }}',
    '{{ page.metadata.list | join: ", " }}',
    '{{ page.constructor }}',
    '{{ page.constructor.name }}',
    '{{ site.__proto__ }}',
    '{{ page["constructor"] }}',
    '{% if page.title %}has title{% endif %}',
    '{% if page.title %}unclosed',
    '{% endif %}',
    '{% for item in page.metadata.list %}- {{ item }}\n{% endfor %}',
    '{% for item in page.metadata.list %}',
    '{% raw %}{{ not.resolved }}{% endraw %}',
    '{% raw %}unclosed raw',
    '{% include "partials/note" %}',
    '{% include "partials/missing" %}',
    '{% include "partials/self" %}',
    '{% include "partials/ping" %}',
    '{% include "partials/broken" %}',
    '{% include "partials/undefined" %}',
    '{% include page.title %}',
    '{% include "../../.env" %}',
    '{% include "/etc/passwd" %}',
    '{% render "partials/note" %}',
    '{% layout "layout" %}',
    '{% assign x = page.title %}{{ x }}',
    '{% capture c %}captured{% endcapture %}{{ c }}',
    '{% comment %}hidden{% endcomment %}',
    '{%- if true -%} trimmed {%- endif -%}',
    '{% nosuchtag %}',
    '{% if %}',
    '{{ "a" | append: page.metadata }}',
    '{{ 1 | divided_by: 0 }}',
    '{% cycle "a", "b" %}',
    '{% tablerow x in page.metadata.list %}{{ x }}{% endtablerow %}',
  ),
  fc.integer({ min: 1, max: 60 }).map((depth) => `${'{% if true %}'.repeat(depth)}deep${'{% endif %}'.repeat(depth)}`),
);

const listItem = fc.tuple(fc.integer({ min: 0, max: 8 }), pick('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), inline).map(([depth, marker, t]) => `${'  '.repeat(depth)}${marker}${t}`);

const language = pick('', 'js', 'javascript', 'ts', 'python', 'bash', 'json', 'yaml', 'html', 'nosuchlang', 'js tab="JS"', 'python tab="Py" group="sdk"', '{.class}', 'js title="a.js"');

export const block = fc.oneof(
  { weight: 4, arbitrary: fc.array(inline, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([level, t]) => `${'#'.repeat(level)} ${t}`) },
  { weight: 2, arbitrary: fc.array(listItem, { minLength: 1, maxLength: 6 }).map((items) => items.join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), inline, fc.boolean()).map(([depth, t, spaced]) => `${(spaced ? '> ' : '>').repeat(depth)}${t}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), pick('- ', '> ', '1. ', '> - ')).map(([depth, marker]) => `${marker.repeat(depth)}nested`) },
  {
    weight: 2,
    arbitrary: fc.tuple(pick('```', '~~~', '````'), language, fc.array(fc.oneof(text, liquid), { maxLength: 4 }), fc.boolean()).map(
      ([fence, lang, lines, closed]) => `${fence}${lang}\n${lines.join('\n')}${closed ? `\n${fence}` : ''}`,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inline, { minLength: 0, maxLength: 5 }), { maxLength: 4 }), pick('---', ':--', ':-:', '--:', '-')).map(
      ([columns, rows, align]) => [`| ${Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ')} |`, `|${` ${align} |`.repeat(columns)}`, ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n'),
    ),
  },
  { weight: 2, arbitrary: html },
  { weight: 2, arbitrary: liquid },
  { weight: 1, arbitrary: fc.tuple(pick('NOTE', 'TIP', 'WARNING', 'CAUTION', 'IMPORTANT', 'BOGUS'), inline).map(([kind, t]) => `> [!${kind}]\n> ${t}`) },
  { weight: 1, arbitrary: pick('---', '***', '___', '', '   ', '\t', '[^1]: a footnote', '[ref]: https://example.com', 'Setext\n===', 'Setext\n---', '    indented code', '\\') },
  { weight: 1, arbitrary: fc.tuple(pick('GET', 'POST', 'DELETE'), pick('/users', '/users/{id}', '{{ page.metadata.api }}/items')).map(([m, p]) => `\`${m} ${p}\``) },
  // Punctuation soup: the characters markdown, Liquid and HTML give meaning to, in any order.
  { weight: 2, arbitrary: fc.array(pick(...'[]()<>!*_#>-+|`~{}%:"\'\\/=&;\n \t1.a'.split(''), '{{', '}}', '{%', '%}', '```', '---', '<!--', '-->', 'javascript:', '](', '!['), { maxLength: 40 }).map((parts) => parts.join('')) },
);

const yamlValue = fc.oneof(text.map((t) => JSON.stringify(t)), pick('42', '-1.5', 'true', 'null', '~', '[a, b]', '{ k: v }', '"quoted: colon"', "'single'", '|\n  block text', '>\n  folded', '2024-01-01', '&anchor a', '*anchor', '!!binary aGVsbG8=', '!!js/function "function () {}"'));

const frontmatterLine = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(pick('title', 'description', 'custom', 'tags'), yamlValue).map(([k, v]) => `${k}: ${v}`) },
  { weight: 1, arbitrary: pick('order: 1', 'order: two', 'layout: wide', 'layout: layout', 'layout: missing', 'layout: ../../etc', 'templating: false', 'templating: "no"') },
  { weight: 1, arbitrary: pick('metadata:\n  product: Fuzzed', 'metadata:\n  list: [x, y]', 'metadata: 5', 'metadata:\n  nested:\n    deep: value') },
  { weight: 1, arbitrary: pick('title: [unclosed', 'title: "unclosed', ': no key', 'key: value: more', '\tindented: tab', '  - list in map', 'dup: 1\ndup: 2', '? complex key', '%YAML 1.2', '@reserved') },
);

export const frontmatter = fc.oneof(
  // Keys unique per block: a key repeated after a nested value hits a known js-yaml position bug,
  // pinned on its own in render.test.ts ("known bugs") so it does not mask everything else here.
  { weight: 3, arbitrary: fc.uniqueArray(frontmatterLine, { maxLength: 4, selector: (line) => line.split(':')[0] }).map((lines) => `---\n${lines.join('\n')}${lines.length ? '\n' : ''}---\n`) },
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 1,
    arbitrary: pick(
      '---js\n{ title: "evil" }\n---\n',
      '---javascript\nmodule.exports = { title: "x" }\n---\n',
      '---yaml\ntitle: explicit\n---\n',
      '---\ntitle: unclosed fence\n',
      '---\n- a\n- b\n---\n',
      '---\njust a string\n---\n',
      '---\n42\n---\n',
      '---\ntitle: dots\n...\n',
      '---\n---\n',
      '---',
      '--- \ntitle: trailing space on the fence\n---\n',
      '---\ntitle: x\n---',
    ),
  },
);

/** A whole page source: frontmatter, then blocks with varied separators, sometimes a BOM or CRLF endings. */
export const pageSource = fc
  .tuple(fc.boolean(), frontmatter, fc.array(block, { maxLength: 8 }), fc.array(pick('\n\n', '\n', '\n\n\n'), { minLength: 8, maxLength: 8 }), pick('lf', 'lf', 'lf', 'crlf', 'cr'))
  .map(([bom, fm, blocks, separators, endings]) => {
    const body = blocks.map((b, i) => `${b}${separators[i]}`).join('');
    const source = `${bom ? '\uFEFF' : ''}${fm}${body}`;
    return endings === 'crlf' ? source.replace(/\n/g, '\r\n') : endings === 'cr' ? source.replace(/\n/g, '\r') : source;
  });

/** Page file names inside content/, including odd ones. */
export const pageName = pick('index.md', 'a.md', 'guide/setup.md', 'guide/index.md', 'my page.md', 'café.md', 'deep/er/still.md', 'A.md', 'a/index.md', 'other.md', 'up.md');
