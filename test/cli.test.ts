import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySite, docsmith, makeSite } from './helpers.ts';

describe('docsmith CLI', () => {
  it('builds --root DIR into DIR/dist and exits 0', async () => {
    const root = makeSite({ 'content/index.md': '# Hello {{ page.metadata.who }}', 'site.config.ts': "export default { metadata: { who: 'world' } };" });
    const result = await docsmith('build', '--root', root);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('<h1 id="hello-world">Hello world</h1>');
    expect(result.stderr).toMatch(/^1 page built into .* in \d+\.\d\ds \(1 rendered\), \d+\.\d KB: 0 errors, 0 warnings\n$/);
  });

  it('says how many pages it rendered: after a metadata edit, only those that read the key', async () => {
    const root = makeSite({ 'content/index.md': '# {{ page.metadata.who }}\n\n[Other](other.md)', 'content/other.md': '# Other', 'site.config.ts': "export default { metadata: { who: 'world' } };" });
    expect((await docsmith('build', '--root', root)).stderr).toContain(' (2 rendered), ');
    writeFileSync(path.join(root, 'site.config.ts'), "export default { metadata: { who: 'readers' } };");
    const result = await docsmith('build', '--root', root);
    expect(result.stderr).toContain(' (1 rendered, 1 from the cache), ');
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('>readers</h1>');
  });

  it('builds one variant alone with --variant, at its own URLs, and names a misspelt one', async () => {
    const root = copySite(path.resolve('test/fixtures/variants'));
    const result = await docsmith('build', '--root', root, '--variant', 'onprem');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('5 pages built into');
    expect(readFileSync(path.join(root, 'dist/on-premises/deploy/broker/index.html'), 'utf8')).toContain('tide broker start');
    expect(existsSync(path.join(root, 'dist/index.html'))).toBe(false);
    const wrong = await docsmith('check', '--root', root, '--variant', 'on-prem');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('site.config.ts:1:1: error: --variant on-prem: unknown variant "on-prem"; did you mean "onprem"?');
  });

  it('writes to --out and keeps the last good site when a build fails (exit 1)', async () => {
    const root = makeSite({ 'content/index.md': '# Fine' });
    const out = path.join(root, 'public');
    expect((await docsmith('build', '--root', root, '--out', out)).code).toBe(0);
    const good = readFileSync(path.join(out, 'index.html'), 'utf8');

    const broken = makeSite({ 'content/index.md': '# {{ oops }}' });
    const result = await docsmith('build', '--root', broken, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/index.md:1:6: error: undefined placeholder "oops"; placeholders start with page. or site.;');
    expect(result.stderr).toContain('1 error, 0 warnings');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(good);
  });

  it('exits 2 on bad usage and on an output folder it must not replace', async () => {
    expect((await docsmith('publish')).code).toBe(2);
    expect((await docsmith('build', '--bogus')).code).toBe(2);
    const root = makeSite({ 'content/index.md': '# x' });
    const result = await docsmith('build', '--root', root, '--out', root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to build');
    expect(existsSync(path.join(root, 'content/index.md'))).toBe(true);
  });

  it('explains a rule (exit 0), answers a misspelt one with the one it meant (exit 2), and lists them all', async () => {
    const known = await docsmith('explain', 'links/missing-anchor');
    expect(known.code).toBe(0);
    expect(known.stdout).toMatch(/^links\/missing-anchor\n\nSeverity:\n {2}error, or a warning with `brokenLinks: 'warning'`.*\n\nWhat it finds:\n[^]*\n\nHow to fix it:\n/);
    const misspelt = await docsmith('explain', 'links/missing-anchr');
    expect(misspelt).toMatchObject({ code: 2, stdout: '' });
    expect(misspelt.stderr).toContain('unknown rule "links/missing-anchr"; did you mean "links/missing-anchor"?');
    const list = await docsmith('explain');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^ {2}links\/missing-anchor +error +A link to a `#section`/m);
  });

  it('checks without writing, and reports JSON for editors and CI', async () => {
    const root = copySite(path.resolve('test/invalid/check-rules'));
    const result = await docsmith('check', '--root', root, '--format', 'json');
    expect(result.code).toBe(1);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    const report = JSON.parse(result.stdout) as { diagnostics: Array<Record<string, unknown>>; summary: { errors: number; warnings: number } };
    expect(report.summary).toEqual({ errors: 3, warnings: 3 });
    expect(report.diagnostics[0]).toEqual({
      file: 'content/index.md', line: 3, column: 15, severity: 'error',
      message: 'undefined placeholder "page.metadata.product_nme"; did you mean "page.metadata.product_name"?', rule: 'liquid/undefined-variable',
    });
    expect(report.diagnostics.map((d) => d.rule)).toEqual(['liquid/undefined-variable', 'images/missing-alt', 'images/missing', 'links/missing-anchor', 'nav/unreachable', 'metadata/unused']);
  });

  it('says that a folder has no content/ (a build started in the wrong folder), exit 1, instead of crashing', async () => {
    const root = makeSite({ 'site.config.ts': 'export default {};\n' });
    const result = await docsmith('build', '--root', root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`content:1:1: error: there is no content/ folder in "${root}": pages are the .md files in ROOT/content; create it, or give --root the folder that holds it [content/no-folder]`);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('prints its version with --version or -v', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v']) expect(await docsmith(flag)).toMatchObject({ code: 0, stdout: `docsmith ${version}\n` });
  });

  it('fails a check with more warnings than --max-warnings allows (exit 1), and refuses a count that is not one (exit 2)', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n\n![](logo.png)\n', 'content/logo.png': 'png' });
    const strict = await docsmith('check', '--root', root, '--max-warnings', '0');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error: 1 warning, more than --max-warnings 0 allows');
    expect((await docsmith('check', '--root', root, '--max-warnings', '1')).code).toBe(0);
    expect((await docsmith('check', '--root', root)).code).toBe(0);
    expect((await docsmith('check', '--root', root, '--max-warnings', 'none')).code).toBe(2);
  });

  it('folds a problem repeated in a file in the text report, and keeps every copy in the JSON and the counts', async () => {
    const root = copySite(path.resolve('test/invalid/repeated-problem'));
    try {
      const text = await docsmith('check', '--root', root);
      expect(text.code).toBe(1);
      expect(text.stderr).toContain('\ncontent/index.md: … and 25 more of this problem (undefined placeholder "site.issues_url") at lines 16, 17, 18, 22, 23, 24, 28, … 64\n');
      expect(text.stderr.match(/^content\/index.md:\d+:\d+: error: undefined placeholder "site\.issues_url"/gm)).toHaveLength(3);
      expect(text.stderr).toMatch(/: 29 errors, 0 warnings\nnpx docsmith explain <rule> says what any \[rule\] above finds and how to fix it\n$/);
      const json = await docsmith('check', '--root', root, '--format', 'json');
      const report = JSON.parse(json.stdout) as { diagnostics: Array<{ message: string }>; summary: { errors: number } };
      expect(report.diagnostics.filter((d) => d.message.includes('site.issues_url'))).toHaveLength(28);
      expect(report.summary.errors).toBe(29);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
