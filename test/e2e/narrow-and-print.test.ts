import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hasChromium, launch, serve } from './harness.ts';

interface Box { x: number; y: number; width: number; height: number }

/** The repo's own site on a small laptop, a phone and paper (issue 19). */
describe.skipIf(!hasChromium)('the theme on narrow screens and in print, in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let out: string;

  beforeAll(async () => {
    out = await buildSite();
    ({ url, server } = await serve(out));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (out !== undefined) rmSync(dirname(out), { recursive: true, force: true });
  });

  async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, ...options });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url + path);
    page.on('close', () => expect(errors).toEqual([]));
    return { context, page };
  }

  describe('code and endpoints on a 390 px phone', () => {
    /** The boxes of a code block's text, line by line, as laid out (also where the block clips them). */
    const textBoxes = (block: Locator) => block.locator('pre code').evaluate((code) => {
      const range = document.createRange();
      range.selectNodeContents(code);
      return [...range.getClientRects()].filter((r) => r.width > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    });
    const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

    it('never covers code text with a Copy button, a long one-line curl scrolled either way included', async () => {
      const { context, page } = await open('api/users/', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      // Every block shown (the SDK group shows one tab at a time).
      const blocks = page.locator('.code-block:visible');
      const count = await blocks.count();
      expect(count).toBeGreaterThanOrEqual(10);
      // The base URL (one short line) and a curl on one line, far wider than the phone.
      const baseUrl = blocks.filter({ has: page.locator('pre', { hasText: /^https:\/\/api\.dataflow\.example\.com\/v1\/users$/ }) });
      const curl = blocks.filter({ hasText: 'curl -H "Authorization: Bearer YOUR_API_KEY" https://api.dataflow.example.com/v1/users/user_123' });
      await expect(baseUrl.count()).resolves.toBe(1);
      await expect(curl.locator('pre').evaluate((pre: HTMLElement) => [pre.innerText.includes('\n'), pre.scrollWidth > pre.clientWidth * 1.5])).resolves.toEqual([false, true]);
      for (let i = 0; i < count; i++) {
        const block = blocks.nth(i);
        await block.scrollIntoViewIfNeeded();
        const button = await block.getByRole('button', { name: 'Copy code' }).boundingBox();
        expect(button).not.toBeNull();
        for (const scroll of ['start', 'end']) {
          await block.locator('pre').evaluate((pre, to) => { pre.scrollLeft = to === 'start' ? 0 : pre.scrollWidth; }, scroll);
          const overlaps = (await textBoxes(block)).filter((box) => intersects(box, button!));
          expect(overlaps, `block ${i}, scrolled to the ${scroll}`).toEqual([]);
        }
      }
      // The end of the base URL is in sight, left of nothing.
      const urlEnd = await baseUrl.locator('pre code').evaluate((code) => {
        const range = document.createRange();
        range.setStart(code.firstChild!, code.textContent!.length - 6);
        range.setEnd(code.firstChild!, code.textContent!.length);
        const box = range.getBoundingClientRect();
        const pre = code.parentElement!.getBoundingClientRect();
        return box.right <= pre.right && box.width > 0;
      });
      expect(urlEnd).toBe(true);
      await context.close();
    });

    it('breaks a long endpoint URL only after a slash, its copied and searched text unchanged', async () => {
      const { context, page } = await open('api/users/', { viewport: { width: 390, height: 844 } });
      const endpoint = page.locator('.endpoint').first();
      const path = endpoint.locator('code.endpoint-path');
      await expect(path.textContent()).resolves.toBe('https://api.dataflow.example.com/v1/users');
      const layout = await path.evaluate((code) => {
        const lines = new Set<number>();
        const pieces = [...code.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = [...range.getClientRects()];
          for (const rect of rects) lines.add(Math.round(rect.top));
          return { text: node.textContent, lines: rects.length };
        });
        return { lines: lines.size, pieces };
      });
      // It does wrap on a phone, and every piece between two break points stays whole.
      expect(layout.lines).toBeGreaterThan(1);
      for (const piece of layout.pieces) expect(piece.lines, piece.text!).toBe(1);
      expect(layout.pieces.map((piece) => piece.text).join('')).toBe('https://api.dataflow.example.com/v1/users');
      // Selected and copied, the line reads as written; the search index holds the same text.
      const selected = await endpoint.evaluate((paragraph) => {
        getSelection()!.selectAllChildren(paragraph);
        return getSelection()!.toString();
      });
      expect(selected).toBe('Endpoint: GET https://api.dataflow.example.com/v1/users');
      // A string, so that vitest leaves its import() alone.
      const indexed = await page.evaluate<string>(`(async () => {
        const pagefind = await import(document.documentElement.dataset.home + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '/' });
        const pages = await Promise.all((await pagefind.search('endpoint')).results.map((result) => result.data()));
        return pages.find((page) => page.url === '/api/users/')?.content ?? '';
      })()`);
      expect(indexed).toContain('Endpoint: GET https://api.dataflow.example.com/v1/users.');
      await context.close();
    });
  });
});
