import { readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hasChromium, launch, serve } from './harness.ts';

/** The same site built with `base: '/docs/'` and served only under /docs/, as on a shared host. */
describe.skipIf(!hasChromium)('a site served from a sub-path', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let out: string;

  beforeAll(async () => {
    out = await buildSite({ config: { base: '/docs/', siteUrl: 'https://example.com' } });
    ({ url, server } = await serve(out, '/docs/'));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out !== undefined) rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('loads every link, asset and search file from under the base', async () => {
    const context = await browser.newContext();
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(url);
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    for (const href of hrefs.filter((href) => !href.startsWith('#') && !/^https?:/.test(href))) expect(href, href).toMatch(/^\/docs\//);

    await page.locator('.sidebar').getByRole('link', { name: 'Users API' }).click();
    await page.waitForURL(`${url}api/users/`);
    await page.getByRole('searchbox').fill('email');
    const hit = page.locator('.search-hit a').first();
    await hit.waitFor();
    await expect(hit.getAttribute('href')).resolves.toBe('/docs/api/users/');
    await hit.click();
    await page.waitForURL(`${url}api/users/`);
    expect(failed).toEqual([]);
    await context.close();
  });

  it('serves a styled 404 page whose links work from any depth', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${url}no/such/page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).position)).toBe('sticky');
    await page.getByRole('link', { name: 'home page' }).click();
    await page.waitForURL(url);
    await context.close();
  });

  it('writes a sitemap of absolute URLs', () => {
    const sitemap = readFileSync(path.join(out, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.com/docs/</loc>');
    expect(sitemap).toContain('<loc>https://example.com/docs/api/users/</loc>');
    expect(sitemap).not.toContain('404');
  });
});
