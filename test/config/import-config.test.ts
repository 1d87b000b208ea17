import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importConfig } from '../../src/config/import-config.ts';
import { loadConfig } from '../../src/config/load.ts';
import { makeSite } from '../helpers.ts';

describe('importConfig', () => {
  it('compiles TypeScript and follows imports by path', async () => {
    const root = makeSite({
      'site.config.ts': "import { version } from './config/version.ts';\nconst title: string = 'Acme';\nexport default { title, metadata: { version } };\n",
      'config/version.ts': "export const version: string = '2.0';\n",
    });
    const imported = await importConfig(root, path.join(root, 'site.config.ts'));
    expect(imported).toEqual({ ok: true, exported: { title: 'Acme', metadata: { version: '2.0' } } });
  });

  it('lets the config see its own location, not the compiled copy', async () => {
    const root = makeSite({ 'site.config.ts': 'export default { url: import.meta.url, dir: import.meta.dirname };\n' });
    const file = path.join(root, 'site.config.ts');
    const imported = await importConfig(root, file);
    expect(imported).toEqual({ ok: true, exported: { url: pathToFileURL(file).href, dir: root } });
  });

  it('leaves no compiled copy behind', async () => {
    const root = makeSite({ 'site.config.ts': 'export default {};\n' });
    await importConfig(root, path.join(root, 'site.config.ts'));
    const dir = path.join(root, 'node_modules/.cache/docsmith/config');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it("resolves 'docsmith' to the docsmith loading it, from a site that has none installed", async () => {
    // As a config inside docsmith's own repository (the docs site) or a site built by a docsmith installed elsewhere.
    const root = makeSite({
      'site.config.ts': "import { defineConfig, type SiteConfigInput } from 'docsmith';\nconst metadata: SiteConfigInput['metadata'] = { who: 'writers' };\nexport default defineConfig({ title: 'Acme', metadata });\n",
    });
    const imported = await importConfig(root, path.join(root, 'site.config.ts'));
    expect(imported).toEqual({ ok: true, exported: { title: 'Acme', metadata: { who: 'writers' } } });
  });

  it('loads an edited config afresh, not from the module cache', async () => {
    const root = makeSite({ 'site.config.ts': "export default { title: 'One' };\n" });
    const file = path.join(root, 'site.config.ts');
    expect(await importConfig(root, file)).toEqual({ ok: true, exported: { title: 'One' } });
    writeFileSync(file, "export default { title: 'Two' };\n");
    expect(await importConfig(root, file)).toEqual({ ok: true, exported: { title: 'Two' } });
  });

  it('reports a site folder it cannot write its compiled copy into, instead of crashing', async () => {
    // node_modules as a file: the compiled copy's folder cannot be made (as on a read-only site).
    const root = makeSite({ 'site.config.ts': 'export default {};\n', node_modules: '' });
    const imported = await importConfig(root, path.join(root, 'site.config.ts'));
    expect(imported.ok).toBe(false);
    expect(!imported.ok && 'thrown' in imported && String(imported.thrown)).toMatch(/ENOTDIR|EEXIST/);
  });

  it('gives a syntax error with the file, line and column it is at', async () => {
    const root = makeSite({
      'site.config.ts': "import { x } from './helper.ts';\nexport default { x };\n",
      'helper.ts': 'export const x = 1;\nexport const y = {;\n',
    });
    const imported = await importConfig(root, path.join(root, 'site.config.ts'));
    expect(imported).toEqual({ ok: false, syntax: { file: 'helper.ts', line: 2, column: 19, message: 'Expected identifier but found ";"' } });
  });
});

describe('loadConfig, when the config does not compile', () => {
  it('reports the syntax error at its position in site.config.ts', async () => {
    const root = makeSite({ 'site.config.ts': "export default {\n  title: 'Acme'\n  metadata: {},\n};\n" });
    const result = await loadConfig(root);
    expect(!result.ok && result.diagnostics).toEqual([
      { file: 'site.config.ts', line: 3, column: 3, severity: 'error', message: 'cannot load site.config.ts: Expected "}" but found "metadata"', rule: 'config/load' },
    ]);
  });
});
