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
      { file: 'site.config.ts', line: 3, column: 3, severity: 'error', message: 'unknown config key "metdata"', rule: 'config/unknown-key' },
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
