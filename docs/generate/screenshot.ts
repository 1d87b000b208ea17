/**
 * `npm run docs:screenshot`: the picture of the built Users API page that README.md and the
 * docs' home page show (docs/content/images/users-api.png). Builds the repository's own site
 * (content/, site.config.ts) into a temp folder, serves it, and photographs the page in
 * Debian's Chromium, so the picture is always of what the current code builds.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../../src/build/index.ts';
import { DiskWriter } from '../../src/output/writer.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const OUTPUT = path.join(REPO, 'docs', 'content', 'images', 'users-api.png');
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json' };

const temp = mkdtempSync(path.join(tmpdir(), 'docsmith-screenshot-'));
try {
  const out = path.join(temp, 'dist');
  const result = await build({ root: REPO, writer: new DiskWriter(out), search: false });
  if (!result.written) throw new Error('the site did not build: run `npm run build` to see why');
  const server = createServer((request, response) => {
    let file = path.join(out, path.normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(out) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: 'light' });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/users/`);
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    await page.screenshot({ path: OUTPUT });
    console.log(`wrote ${path.relative(REPO, OUTPUT)}`);
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
