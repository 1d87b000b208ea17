import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { snapshotDocsmith } from '../../bench/snapshot.ts';
import { temporaryFolder } from '../helpers.ts';

const run = promisify(execFile);

/** A copy of this checkout (sources only; node_modules linked), so edits to it stay in the test. */
function copyCheckout(): { root: string; cacheDir: string } {
  const root = temporaryFolder('checkout');
  snapshotDocsmith(process.cwd(), root);
  return { root, cacheDir: path.join(root, 'runtime-cache') };
}

/** The compiled command line's URL, found in its own process as bin/docsmith.mjs finds it. */
async function compiledCli(root: string, cacheDir: string, fallbackCacheDir?: string): Promise<string> {
  const compile = pathToFileURL(path.join(root, 'bin', 'compile.mjs')).href;
  const script = `const { compiledEntry } = await import(${JSON.stringify(compile)}); console.log(await compiledEntry('cli', ${JSON.stringify({ root, cacheDir, fallbackCacheDir })}));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return stdout.trim();
}

async function help(cli: string): Promise<string> {
  return (await run(process.execPath, [fileURLToPath(cli), '--help'])).stdout;
}

describe('bin/compile.mjs', () => {
  it('compiles the command line once, then reuses it until a source changes', async () => {
    const { root, cacheDir } = copyCheckout();
    const first = await compiledCli(root, cacheDir);
    expect(await help(first)).toContain('Usage: docsmith <build|check|dev|explain>');
    // Reused, not compiled again: a compile rewrites the list of sources.
    const listed = statSync(path.join(cacheDir, 'sources.json')).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await compiledCli(root, cacheDir)).toBe(first);
    expect(statSync(path.join(cacheDir, 'sources.json')).mtimeMs).toBe(listed);

    const cliSource = path.join(root, 'src', 'cli.ts');
    writeFileSync(cliSource, readFileSync(cliSource, 'utf8').replace('console.log(usage());', "console.log(usage().replace('Usage: docsmith', 'Usage (edited): docsmith'));"));
    const second = await compiledCli(root, cacheDir);
    expect(second).not.toBe(first);
    expect(await help(second)).toContain('Usage (edited): docsmith');
  }, 60_000);

  it('compiles a source the edited one newly imports', async () => {
    const { root, cacheDir } = copyCheckout();
    await compiledCli(root, cacheDir);
    writeFileSync(path.join(root, 'src', 'banner.ts'), "export const BANNER = 'from a new module';\n");
    const cliSource = path.join(root, 'src', 'cli.ts');
    const text = readFileSync(cliSource, 'utf8');
    writeFileSync(cliSource, `import { BANNER } from './banner.ts';\n${text.replace('console.log(usage());', 'console.log(BANNER, usage());')}`);
    expect(await help(await compiledCli(root, cacheDir))).toContain('from a new module');

    writeFileSync(path.join(root, 'src', 'banner.ts'), "export const BANNER = 'edited in the new module';\n");
    expect(await help(await compiledCli(root, cacheDir))).toContain('edited in the new module');
  }, 60_000);

  it('gives processes starting at once the same complete bundle', async () => {
    const { root, cacheDir } = copyCheckout();
    const [a, b, c] = await Promise.all([compiledCli(root, cacheDir), compiledCli(root, cacheDir), compiledCli(root, cacheDir)]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(await help(a!)).toContain('Usage: docsmith');
    // One bundle folder, no staging folder left behind.
    expect(readdirSync(cacheDir).sort()).toEqual([path.basename(path.dirname(fileURLToPath(a!))), 'sources.json']);
  }, 60_000);

  it('imports liquidjs by its ES module build, and keys the bundle on that package’s manifest', async () => {
    const { root, cacheDir } = copyCheckout();
    const cli = await compiledCli(root, cacheDir);
    const bundle = path.dirname(fileURLToPath(cli));
    const imports = readdirSync(bundle)
      .filter((file) => file.endsWith('.mjs'))
      .flatMap((file) => [...readFileSync(path.join(bundle, file), 'utf8').matchAll(/from "(liquidjs[^"]*)"/g)].map((match) => match[1]));
    expect(imports.length).toBeGreaterThan(0);
    expect(new Set(imports)).toEqual(new Set(['liquidjs/dist/liquid.node.mjs']));
    const listed = JSON.parse(readFileSync(path.join(cacheDir, 'sources.json'), 'utf8')) as string[];
    expect(listed.filter((file) => file.endsWith('liquidjs/package.json'))).toHaveLength(1);
  }, 60_000);

  it('recompiles when the cache holds a damaged source list', async () => {
    const { root, cacheDir } = copyCheckout();
    const first = await compiledCli(root, cacheDir);
    writeFileSync(path.join(cacheDir, 'sources.json'), '{ not json');
    expect(await compiledCli(root, cacheDir)).toBe(first);
    expect(JSON.parse(readFileSync(path.join(cacheDir, 'sources.json'), 'utf8'))).toContain('src/cli.ts');
  }, 60_000);

  it('keys the render cache on the compiled code, so pages rendered before an edit to docsmith are not reused after it', async () => {
    const { root, cacheDir } = copyCheckout();
    const site = path.join(root, 'site');
    mkdirSync(path.join(site, 'content'), { recursive: true });
    writeFileSync(path.join(site, 'content', 'index.md'), '# Home\n\n[Start](./getting-started.md)\n');
    writeFileSync(path.join(site, 'content', 'getting-started.md'), 'A page titled from its file name.\n');
    const buildWith = async (cli: string) => {
      await run(process.execPath, [fileURLToPath(cli), 'build', '--root', site, '--no-search']);
      return readFileSync(path.join(site, 'dist', 'getting-started', 'index.html'), 'utf8');
    };
    expect(await buildWith(await compiledCli(root, cacheDir))).toContain('<title>Getting started |');
    const titles = path.join(root, 'src', 'content', 'titles.ts');
    writeFileSync(titles, readFileSync(titles, 'utf8').replace('words.charAt(0).toUpperCase() + words.slice(1);', "words.charAt(0).toUpperCase() + words.slice(1) + ' (edited)';"));
    expect(await buildWith(await compiledCli(root, cacheDir))).toContain('<title>Getting started (edited) |');
  }, 60_000);

  it('compiles into the fallback folder when the package’s cannot be written, with imports that resolve from there', async () => {
    const { root } = copyCheckout();
    // A file where the package's cache would go: its folder cannot be made (as in a read-only package).
    writeFileSync(path.join(root, 'read-only'), '');
    const cacheDir = path.join(root, 'read-only', 'runtime');
    // Outside any node_modules: a package's name would resolve to nothing from here.
    const fallback = path.join(temporaryFolder('fallback-cache'), 'runtime');
    const cli = await compiledCli(root, cacheDir, fallback);
    expect(path.dirname(path.dirname(fileURLToPath(cli)))).toBe(fallback);
    const bundle = path.dirname(fileURLToPath(cli));
    const code = readdirSync(bundle).filter((file) => file.endsWith('.mjs')).map((file) => readFileSync(path.join(bundle, file), 'utf8')).join('\n');
    const packages = [...code.matchAll(/from "([^".][^"]*)"/g)].map((match) => match[1]!).filter((specifier) => !specifier.startsWith('node:'));
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.filter((specifier) => !specifier.startsWith('file:'))).toEqual([]);
    // Found there on the next start; a build runs from it, render workers included.
    expect(await compiledCli(root, cacheDir, fallback)).toBe(cli);
    const site = temporaryFolder('fallback-site');
    mkdirSync(path.join(site, 'content'));
    writeFileSync(path.join(site, 'content', 'index.md'), '# Home\n');
    await run(process.execPath, [fileURLToPath(cli), 'build', '--root', site, '--no-search']);
    expect(readFileSync(path.join(site, 'dist', 'index.html'), 'utf8')).toContain('<h1 id="home">Home</h1>');
  }, 60_000);

  it('names the folders it tried when it can write to none', async () => {
    const { root } = copyCheckout();
    writeFileSync(path.join(root, 'read-only'), '');
    await expect(compiledCli(root, path.join(root, 'read-only', 'a'), path.join(root, 'read-only', 'b'))).rejects.toThrow(
      `could write it to none of these folders: ${path.join(root, 'read-only', 'a')}, ${path.join(root, 'read-only', 'b')}`,
    );
  }, 60_000);
});
