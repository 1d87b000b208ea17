import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { FULL_SIDEBAR_LIMIT } from '../../src/nav/sidebar-html.ts';
import { DiskWriter } from '../../src/output/writer.ts';
import { temporaryFolder } from '../helpers.ts';
import { axeViolations, hasChromium, launch, serve } from './harness.ts';

/** A site past the full-sidebar limit, on the built-in theme, served under /docs/: pages show their own section only. */
describe.skipIf(!hasChromium)('expanding a collapsed sidebar group in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let root: string;

  beforeAll(async () => {
    root = temporaryFolder('e2e-sidebar');
    const files: Record<string, string> = {
      'site.config.ts': "export default { title: 'Acme', base: '/docs/' };\n",
      'content/index.md': '# Home\n\nWelcome.\n',
      'content/beta/deep/inner.md': '# Inner page\n\nText.\n',
    };
    for (const section of ['alpha', 'beta']) {
      for (let i = 0; i < FULL_SIDEBAR_LIMIT / 2 + 1; i++) files[`content/${section}/p${i}.md`] = `# ${section} ${i}\n\nText.\n`;
    }
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    const out = path.join(root, 'dist');
    const result = await build({ root, writer: new DiskWriter(out) });
    if (!result.written) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    ({ url, server } = await serve(out, '/docs/'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('shows its entries by keyboard, announces the expanded state, and keeps axe at 0 violations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}alpha/p1/`);
    const sidebar = page.locator('.sidebar');
    await expect(sidebar.getByRole('link', { name: 'beta 2', exact: true }).count()).resolves.toBe(0);
    await expect(sidebar.locator('[aria-current="page"]').textContent()).resolves.toBe('alpha 1');

    const toggle = sidebar.getByRole('button', { name: 'Beta entries' });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    // Tab from the group's link to its button, and press Enter.
    await sidebar.getByRole('link', { name: 'Beta', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(toggle.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.nav-toggle[aria-label="Beta entries"]')?.getAttribute('aria-expanded') === 'true');
    const entry = sidebar.getByRole('link', { name: 'beta 2', exact: true });
    await expect(entry.getAttribute('href')).resolves.toBe('/docs/beta/p2/');
    await expect(entry.isVisible()).resolves.toBe(true);
    const controls = await toggle.getAttribute('aria-controls');
    await expect(page.locator(`#${controls}`).isVisible()).resolves.toBe(true);

    // A sub-group inside is collapsed in turn, and expands by Space.
    const inner = sidebar.getByRole('button', { name: 'Deep entries' });
    await inner.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('.nav-toggle[aria-label="Deep entries"]')?.getAttribute('aria-expanded') === 'true');
    await expect(sidebar.getByRole('link', { name: 'Inner page' }).getAttribute('href')).resolves.toBe('/docs/beta/deep/inner/');

    await expect(axeViolations(page)).resolves.toEqual([]);

    // Collapsing hides the entries again.
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(entry.isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
