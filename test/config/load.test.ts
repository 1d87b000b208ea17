import { describe, expect, it } from 'vitest';
import { loadConfig, validateConfig } from '../../src/config/load.ts';
import { makeSite } from '../helpers.ts';

describe('loadConfig', () => {
  it('uses defaults when the site has no site.config.ts', async () => {
    const result = await loadConfig(makeSite({ 'content/index.md': '# Hi' }));
    expect(result.ok && result.config).toMatchObject({ title: 'Documentation', metadata: {}, base: '/' });
  });

  it('reads a plain default-exported object', async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'Acme', metadata: { v: '1.0' } };\n" });
    const result = await loadConfig(root);
    expect(result.ok && result.config).toMatchObject({ title: 'Acme', metadata: { v: '1.0' } });
  });

  it('reports a config under another name, which would otherwise be ignored', async () => {
    const result = await loadConfig(makeSite({ 'site.config.js': "export default { title: 'Acme' };\n", 'content/index.md': '# Hi' }));
    expect(!result.ok && result.diagnostics).toEqual([
      { file: 'site.config.js', line: 1, column: 1, severity: 'error', rule: 'config/file-name', message: 'site.config.js is not read: docsmith reads its config from site.config.ts; rename the file (JavaScript is valid TypeScript, and `export default` stays as it is)' },
    ]);
  });

  it('reports a config that throws at load as one diagnostic', async () => {
    const root = makeSite({ 'site.config.ts': "throw new Error('boom');\nexport default {};\n" });
    const result = await loadConfig(root);
    expect(!result.ok && result.diagnostics).toEqual([
      { file: 'site.config.ts', line: 1, column: 1, severity: 'error', message: 'cannot load site.config.ts: boom', rule: 'config/load' },
    ]);
  });
});

describe('validateConfig', () => {
  it('points an unknown key at its line and column', () => {
    const source = "export default {\n  title: 'x',\n  metdata: {},\n};\n";
    const result = validateConfig({ title: 'x', metdata: {} }, source);
    expect(!result.ok && result.diagnostics).toEqual([
      { file: 'site.config.ts', line: 3, column: 3, severity: 'error', message: 'unknown config key "metdata"; did you mean "metadata"?', rule: 'config/unknown-key' },
    ]);
  });

  it('names the nested key of a wrong type, not the top-level one of the same name', () => {
    const source = "export default {\n  title: 'x',\n  metadata: {\n    title: 'ok',\n    list: [1, () => 2],\n  },\n};\n";
    const result = validateConfig({ title: 'x', metadata: { title: 'ok', list: [1, () => 2] } }, source);
    expect(!result.ok && result.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[5, 5, 'config/invalid-value']]);
  });

  it('says what type was expected and what was given', () => {
    const result = validateConfig({ title: 42 }, 'export default { title: 42 };');
    expect(!result.ok && result.diagnostics[0]).toMatchObject({ line: 1, column: 18, message: 'config key "title" must be a string, got a number' });
  });

  it('rejects a base that does not start and end with a slash', () => {
    const result = validateConfig({ base: 'docs' }, "export default { base: 'docs' };");
    expect(!result.ok && result.diagnostics[0]?.message).toBe('config key "base": must start and end with "/", like "/docs/"');
  });
});

describe('validateConfig: variants', () => {
  const check = (variants: unknown[], source: string) => {
    const result = validateConfig({ variants }, source);
    return result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message} [${d.rule}]`);
  };

  it('accepts variants with one default, and fills in the defaults', () => {
    const result = validateConfig({ variants: [{ name: 'cloud', default: true, metadata: { a: 1 } }, { name: 'v1', label: 'v1.9', status: 'outdated' }] });
    expect(result.ok && result.config.variants).toEqual([
      { name: 'cloud', default: true, status: 'current', metadata: { a: 1 } },
      { name: 'v1', label: 'v1.9', default: false, status: 'outdated', metadata: {} },
    ]);
  });

  it('points a second default, a name or a path used twice, and a reserved path at the key in the element concerned', () => {
    const source = [
      'export default {',
      '  variants: [',
      "    { name: 'cloud', default: true },",
      "    { name: 'self-hosted', default: true },",
      "    { name: 'cloud', label: 'Cloud again' },",
      "    { name: 'v1', path: 'self-hosted' },",
      "    { name: 'assets' },",
      '  ],',
      '};',
    ].join('\n');
    expect(check([{ name: 'cloud', default: true }, { name: 'self-hosted', default: true }, { name: 'cloud', label: 'Cloud again' }, { name: 'v1', path: 'self-hosted' }, { name: 'assets' }], source)).toEqual([
      '4:28 config key "variants.1.default": only one variant can be the default, and "cloud" is already [config/invalid-value]',
      '5:7 config key "variants.2.name": variant name "cloud" is already used by variant "cloud" [config/invalid-value]',
      '5:7 config key "variants.2.name": variant path "cloud" is already used by variant "cloud" [config/invalid-value]',
      '6:19 config key "variants.3.path": variant path "self-hosted" is already used by variant "self-hosted" [config/invalid-value]',
      '7:7 config key "variants.4.name": variant path "assets" is where the site keeps its theme files: give the variant a `path` of its own [config/invalid-value]',
    ]);
  });

  it('asks for a default, and for names a URL can carry', () => {
    const source = "export default {\n  variants: [{ name: 'Cloud Edition', default: true }],\n};\n";
    expect(check([{ name: 'Cloud Edition', default: true }], source)).toEqual([
      '2:16 config key "variants.0.name": must be lowercase letters, digits, ".", "_" or "-", such as "cloud" or "v2.4" [config/invalid-value]',
    ]);
    expect(check([{ name: 'cloud' }], "export default {\n  variants: [{ name: 'cloud' }],\n};\n")).toEqual([
      "2:3 config key \"variants\": one variant must be the default: add `default: true` to the one served at the site's own URLs [config/invalid-value]",
    ]);
  });

  it('asks for ":path" in an edit link pattern, at the key, and fills in the link text', () => {
    const source = "export default {\n  editLink: {\n    pattern: 'https://github.com/acme/docs/edit/main/',\n  },\n};\n";
    const result = validateConfig({ editLink: { pattern: 'https://github.com/acme/docs/edit/main/' } }, source);
    expect(!result.ok && result.diagnostics).toEqual([
      { file: 'site.config.ts', line: 3, column: 5, severity: 'error', message: 'config key "editLink.pattern": must contain ":path" where the page\'s source path goes, like "https://github.com/acme/docs/edit/main/:path"', rule: 'config/invalid-value' },
    ]);
    const good = validateConfig({ editLink: { pattern: 'https://github.com/acme/docs/edit/main/docs/:path' }, lastUpdated: true }, '');
    expect(good.ok && good.config).toMatchObject({ editLink: { pattern: 'https://github.com/acme/docs/edit/main/docs/:path', text: 'Edit this page' }, lastUpdated: true });
  });
});
