import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, cpSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { build } from '../../src/build/index.ts';
import { DiskWriter } from '../../src/output/writer.ts';
import { temporaryFolder } from '../helpers.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** e2e tests skip, saying why, on a machine without Debian's Chromium. */
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Builds a copy of the repo's own site (content/ and site.config.ts) into a temp
 * folder; `config` replaces site.config.ts with a plain object, for `base` and `siteUrl`.
 * The copy is committed to a git repository of its own at a fixed date, so pages show
 * their "Last updated" date (the site has `lastUpdated`) whatever the repo's history.
 * Returns the output folder, inside that temp folder (removed as `temporaryFolder` says).
 */
export async function buildSite(options: { config?: Record<string, unknown> } = {}): Promise<string> {
  const root = temporaryFolder('e2e');
  cpSync(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  // A plain object: the repo's own config imports ../src, which a copy elsewhere cannot reach.
  const repoConfig = ((await import('../../site.config.ts')) as { default: Record<string, unknown> }).default;
  writeFileSync(path.join(root, 'site.config.ts'), `export default ${JSON.stringify({ ...repoConfig, ...options.config }, null, 2)};\n`);
  commitAll(root, '2026-11-02T09:30:00Z');
  const out = path.join(root, 'dist');
  const result = await build({ root, writer: new DiskWriter(out) });
  if (!result.written) throw new Error(`build failed:\n${result.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n')}`);
  return out;
}

/** Makes `root` a git repository with everything in it committed at `date` (no user or system git config). */
function commitAll(root: string, date: string): void {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  for (const args of [['init', '--quiet'], ['add', '.'], ['commit', '--quiet', '-m', 'site']]) execFileSync('git', args, { cwd: root, env, stdio: 'ignore' });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A tiny static server for a built site, mounted at `base` the way a host would serve it. */
export async function serve(dir: string, base = '/'): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(base)) {
      const relative = path.normalize(pathname.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
      file = path.join(dir, relative);
      if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    }
    if (file === undefined || !existsSync(file)) {
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      response.end(existsSync(path.join(dir, '404.html')) ? readFileSync(path.join(dir, '404.html')) : 'not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, server };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Runs axe-core in the page and returns its violations, compactly. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  await page.addScriptTag({ path: path.join(REPO, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  });
}

/**
 * The repo's own site, built and served once for the describe block that calls this, and
 * one browser to read it in. `open` gives a fresh context and page at a path of the site,
 * in `viewport` unless the options say otherwise; a script error in the page fails the test.
 */
export function siteInBrowser(viewport: { width: number; height: number }) {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let out: string | undefined;
  let url = '';
  beforeAll(async () => {
    out = await buildSite();
    ({ url, server } = await serve(out));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out !== undefined) rmSync(path.dirname(out), { recursive: true, force: true });
  });
  return {
    /** The site's address, ending in `/`. */
    get url(): string {
      return url;
    },
    async open(at: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser!.newContext({ viewport, ...options });
      context.setDefaultTimeout(5000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url + at);
      page.on('close', () => expect(errors).toEqual([]));
      return { context, page };
    },
  };
}
