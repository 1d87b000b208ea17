import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, siteInBrowser } from './harness.ts';

interface Box { x: number; y: number; width: number; height: number }

/** The repo's own site on a small laptop, a phone and paper (issue 19). */
describe.skipIf(!hasChromium)('the theme on narrow screens and in print, in Chromium', () => {
  const site = siteInBrowser({ width: 1024, height: 800 });
  const open = site.open;

  /** What Chromium tells screen readers about the menu's summary: its role and expanded state. */
  async function summaryAccessibility(page: Page): Promise<string> {
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value: string }; name?: { value: string }; properties?: Array<{ name: string; value: { value: unknown } }> }> };
    const node = nodes.find((n) => n.role?.value === 'DisclosureTriangle' && n.name?.value === 'On this page');
    await cdp.detach();
    return node ? `${node.role!.value} expanded=${String(node.properties?.find((p) => p.name === 'expanded')?.value.value)}` : 'missing';
  }

  const activeElement = (page: Page) => page.evaluate(() => {
    const element = document.activeElement!;
    return element.id ? `${element.tagName}#${element.id}` : `${element.tagName} ${element.textContent?.trim() ?? ''}`;
  });
  const isOpen = (menu: Locator) => menu.evaluate((details) => (details as HTMLDetailsElement).open);

  describe('"On this page" below 1,200 px', () => {
    it('is a menu in a bar under the header at 1,024 px that opens, jumps and closes from the keyboard', async () => {
      const { context, page } = await open('api/users/');
      await expect(page.locator('.toc').isVisible()).resolves.toBe(false);
      const menu = page.locator('.toc-menu');
      const summary = menu.locator('summary');
      await expect(summary.isVisible()).resolves.toBe(true);
      await expect(summary.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(summaryAccessibility(page)).resolves.toBe('DisclosureTriangle expanded=false');
      // It lists every h2 and h3 of the page, and nothing else.
      const headings = await page.locator('.prose :is(h2, h3)[id]').evaluateAll((list) => list.map((h) => `#${h.id}`));
      expect(headings.length).toBeGreaterThanOrEqual(19);
      await expect(menu.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual(headings);

      // Enter opens it and leaves the focus on its button; Tab goes into the list; Escape closes it and returns the focus.
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(isOpen(menu)).resolves.toBe(true);
      await expect(summary.getAttribute('aria-expanded')).resolves.toBe('true');
      await expect(summaryAccessibility(page)).resolves.toBe('DisclosureTriangle expanded=true');
      await expect(activeElement(page)).resolves.toBe('SUMMARY#ds-toc-menu-title');
      await page.keyboard.press('Tab');
      await expect(activeElement(page)).resolves.toBe('A Base URL');
      await page.keyboard.press('Escape');
      await expect(isOpen(menu)).resolves.toBe(false);
      await expect(summary.getAttribute('aria-expanded')).resolves.toBe('false');
      await expect(activeElement(page)).resolves.toBe('SUMMARY#ds-toc-menu-title');

      // Choosing a section closes the menu, lands below the header and the bar, and takes the focus there.
      await page.keyboard.press('Enter');
      await menu.getByRole('link', { name: 'Create User' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#create-user$/);
      await expect(isOpen(menu)).resolves.toBe(false);
      await expect(activeElement(page)).resolves.toBe('H2#create-user');
      const bar = await page.locator('.toc-bar').boundingBox();
      const header = await page.locator('.site-header').boundingBox();
      expect(bar!.y).toBe(header!.y + header!.height);
      const top = await page.locator('#create-user').evaluate((heading) => heading.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(bar!.y + bar!.height);
      expect(top).toBeLessThan(bar!.y + bar!.height + 60);
      // The bar marks the section being read.
      await page.waitForFunction(() => document.querySelector('.toc-menu a[aria-current="true"]')?.textContent === 'Create User');

      // A click elsewhere closes it, and so does the focus leaving it.
      await summary.click();
      await expect(isOpen(menu)).resolves.toBe(true);
      const list = await menu.locator('ul').boundingBox();
      await page.mouse.click(list!.x + list!.width + 40, list!.y + 100);
      await expect(isOpen(menu)).resolves.toBe(false);
      await summary.click();
      await menu.locator('a').last().focus();
      await page.keyboard.press('Tab');
      await expect(isOpen(menu)).resolves.toBe(false);
      await context.close();
    });

    it('stays out of the way at 1,280 px, where the column shows', async () => {
      const { context, page } = await open('api/users/', { viewport: { width: 1280, height: 800 } });
      await expect(page.locator('.toc').isVisible()).resolves.toBe(true);
      await expect(page.locator('.toc-bar').isVisible()).resolves.toBe(false);
      await context.close();
    });

    it('opens in place, at the top of the content, when JavaScript is off', async () => {
      const { context, page } = await open('api/users/', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
      const menu = page.locator('.toc-menu');
      await expect(page.locator('.toc-bar').evaluate((bar) => getComputedStyle(bar).position)).resolves.toBe('static');
      await menu.locator('summary').click();
      await expect(isOpen(menu)).resolves.toBe(true);
      // In the flow of the page: the article starts below the open list, nothing covers it.
      const list = await menu.locator('ul').boundingBox();
      const title = await page.locator('.prose h1').boundingBox();
      expect(title!.y).toBeGreaterThanOrEqual(list!.y + list!.height);
      await menu.getByRole('link', { name: 'Delete User' }).click();
      await page.waitForURL(/#delete-user$/);
      await context.close();
    });
  });

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

  describe('print', () => {
    it('prints the content alone, light, with code wrapped, every tab under its label and external URLs', async () => {
      const { context, page } = await open('api/users/', { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
      await page.getByRole('button', { name: 'Dark theme' }).click(); // chosen, not only the OS's: still printed light
      await expect(page.locator('.code-group').getByRole('tab', { name: 'JavaScript' }).getAttribute('aria-selected')).resolves.toBe('false');
      await page.emulateMedia({ media: 'print' });
      // Paper width, so long lines have to wrap.
      await page.setViewportSize({ width: 600, height: 900 });

      for (const chrome of ['.site-header', '.sidebar', '.toc', '.toc-bar', '.search', '.theme-toggle', '.pager', '.copy-button', '.code-group-tabs', '.heading-anchor']) {
        const visible = await page.locator(chrome).evaluateAll((elements) => elements.filter((e) => e.checkVisibility()).length);
        expect(visible, chrome).toBe(0);
      }
      await expect(page.locator('.prose h1').isVisible()).resolves.toBe(true);

      // Both SDK tabs print, each under its label.
      const group = page.locator('.code-group');
      await expect(group.locator('.code-group-label').evaluateAll((labels) => labels.filter((l) => l.checkVisibility()).map((l) => l.textContent))).resolves.toEqual(['Python', 'JavaScript']);
      await expect(group.locator('[data-tab="Python"] pre').isVisible()).resolves.toBe(true);
      await expect(group.locator('[data-tab="JavaScript"] pre').isVisible()).resolves.toBe(true);

      // Code wraps: nothing is cut at the block's edge, and the long curl takes several lines.
      const cut = await page.locator('.prose pre').evaluateAll((blocks) => blocks.filter((pre) => pre.scrollWidth > pre.clientWidth).length);
      expect(cut).toBe(0);
      const curl = page.locator('.code-block', { hasText: 'YOUR_API_KEY" https://api.dataflow.example.com/v1/users/user_123' }).locator('pre');
      await expect(curl.evaluate((pre) => pre.getBoundingClientRect().height > 3 * parseFloat(getComputedStyle(pre).lineHeight))).resolves.toBe(true);

      // Links to other sites print their URL after their text; the site's own links do not.
      const after = (text: string) => page.locator('.prose a', { hasText: text }).evaluate((link) => getComputedStyle(link, '::after').content);
      await expect(after('RFC 6750')).resolves.toBe('" (https://www.rfc-editor.org/rfc/rfc6750)"');
      await expect(after('DataFlow docs home')).resolves.toBe('none');

      // Dark text on white, although the reader chose the dark theme.
      await expect(page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])).resolves.toEqual(['rgb(31, 35, 40)', 'rgb(255, 255, 255)']);
      await context.close();
    });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1024, 390]) {
      it(`has no axe violations at ${width} px in the ${colorScheme} theme, "On this page" open`, async () => {
        const { context, page } = await open('api/users/', { colorScheme, viewport: { width, height: 800 } });
        await page.locator('.toc-menu summary').click();
        await expect(page.locator('.toc-menu a').first().isVisible()).resolves.toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
