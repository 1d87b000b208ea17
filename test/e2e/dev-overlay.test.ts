import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevHandle } from '../../src/dev/dev.ts';
import { makeSite } from '../helpers.ts';
import { hasChromium, launch } from './harness.ts';

/** The dev server's overlay in a real tab: a migrating writer's first build has a broken link. */
describe.skipIf(!hasChromium)('the dev overlay in Chromium', () => {
  let browser: Browser;
  let dev: DevHandle;
  let root: string;

  beforeAll(async () => {
    root = makeSite({
      'content/index.md': '# Tide tables\n\nSee the [harbour map](./map.md) for berths.\n',
      'content/about.md': '# About\n\nWho keeps the tables.\n',
    });
    dev = await startDev({ root, port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows every problem over the page as it rendered, hides to a badge that survives a reload, and opens again for a new problem', async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(dev.url);
    const overlay = page.locator('#docsmith-error-overlay');
    await expect(overlay.locator('h2').textContent()).resolves.toBe('The build has problems: 1 error, 0 warnings');
    await expect(overlay.locator('pre').textContent()).resolves.toMatch(/^content\/index\.md:3:9: error: link to a missing page "\.\/map\.md"/);
    // Under it, the page as it rendered.
    await expect(page.locator('main h1').textContent()).resolves.toBe('Tide tables');

    await page.keyboard.press('Escape');
    await expect(overlay.count()).resolves.toBe(0);
    const badge = page.locator('#docsmith-error-badge');
    await expect(badge.textContent()).resolves.toBe('Build problems: 1 error, 0 warnings');
    await page.reload();
    await badge.waitFor();
    await expect(overlay.count()).resolves.toBe(0);

    // A new problem: the tab shows what changed (it reloads) and the overlay opens again.
    const built = dev.nextBuild();
    writeFileSync(path.join(root, 'content/about.md'), '# About\n\nWho keeps the [tables](./tables.md).\n');
    await built;
    await overlay.waitFor();
    await expect(overlay.locator('h2').textContent()).resolves.toBe('The build has problems: 2 errors, 0 warnings');
    await overlay.getByRole('button', { name: 'Hide (Esc)' }).click();
    await badge.click();
    await overlay.waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
