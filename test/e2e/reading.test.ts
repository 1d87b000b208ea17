import { describe, expect, it } from 'vitest';
import { axeViolations, hasChromium, siteInBrowser } from './harness.ts';

/** The repo's own site, built once and read in one browser, as a reader would. */
describe.skipIf(!hasChromium)('reading the built site in Chromium', () => {
  const site = siteInBrowser({ width: 1280, height: 900 });
  const open = site.open;

  it('navigates with the sidebar, marking the current page, with prev/next links', async () => {
    const { context, page } = await open('');
    await page.locator('.sidebar').getByRole('link', { name: 'Users API' }).click();
    await page.waitForURL(`${site.url}api/users/`);
    await expect(page.locator('.sidebar [aria-current="page"]').textContent()).resolves.toBe('Users API');
    await expect(page.locator('.pager-prev').getAttribute('href')).resolves.toBe('/');
    await context.close();
  });

  it('lands TOC links on their headings, below the sticky header, and marks the section', async () => {
    const { context, page } = await open('api/users/');
    await page.locator('.toc').getByRole('link', { name: 'Create User' }).click();
    await page.waitForURL(/#create-user$/);
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current="true"]')?.textContent === 'Create User');
    const top = await page.locator('#create-user').evaluate((heading) => heading.getBoundingClientRect().top);
    const header = await page.locator('.site-header').evaluate((element) => element.getBoundingClientRect().bottom);
    expect(top).toBeGreaterThanOrEqual(header);
    expect(top).toBeLessThan(header + 60);
    await context.close();
  });

  it('switches code tabs and remembers the choice across a reload', async () => {
    const { context, page } = await open('api/users/');
    const group = page.locator('.code-group');
    await expect(group.getByRole('tab', { name: 'Python' }).getAttribute('aria-selected')).resolves.toBe('true');
    await group.getByRole('tab', { name: 'JavaScript' }).click();
    await expect(group.getByRole('tabpanel').textContent()).resolves.toContain("require('@dataflow/sdk')");
    await page.reload();
    await expect(group.getByRole('tab', { name: 'JavaScript' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('[data-tab="Python"]').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('shows code groups as stacked, labelled blocks without JavaScript', async () => {
    const { context, page } = await open('api/users/', { javaScriptEnabled: false });
    await expect(page.locator('.code-group-label').allTextContents()).resolves.toEqual(['Python', 'JavaScript']);
    await expect(page.locator('[data-tab="Python"] pre').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-tab="JavaScript"] pre').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('copies code exactly as shown, placeholders resolved', async () => {
    const { context, page } = await open('api/users/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    const block = page.locator('.code-block').filter({ hasText: 'status=active' });
    await block.hover();
    await block.getByRole('button', { name: 'Copy code' }).click();
    // The label changes once the asynchronous clipboard write has finished: wait for it.
    await block.getByRole('button', { name: 'Copied' }).waitFor({ timeout: 10_000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('curl -H "Authorization: Bearer YOUR_API_KEY" \\\n     "https://api.dataflow.example.com/v1/users?status=active&limit=10&offset=0"');
    expect(copied).toBe(await block.locator('pre').innerText());
    await context.close();
  });

  it('copies the whole page as its Markdown twin with "Copy page"; without JavaScript the button is not shown', async () => {
    const { context, page } = await open('api/users/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.getByRole('button', { name: 'Copy page' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor({ timeout: 10_000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await (await fetch(`${site.url}api/users.md`)).text());
    expect(copied).toMatch(/^# Users API\n/);
    expect(copied).toContain('"https://api.dataflow.example.com/v1/users?status=active&limit=10&offset=0"');
    await context.close();
    const noScript = await open('api/users/', { javaScriptEnabled: false });
    await expect(noScript.page.locator('.copy-page').isVisible()).resolves.toBe(false);
    await noScript.context.close();
  });

  it('toggles the theme, and keeps it across pages', async () => {
    const { context, page } = await open('', { colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(255, 255, 255)');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.goto(`${site.url}api/users/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(13, 17, 23)');
    await context.close();
  });

  it('finds the Users API page for "email", from the keyboard', async () => {
    const { context, page } = await open('');
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ds-search-input');
    await page.keyboard.type('email');
    const hit = page.locator('.search-hit').first();
    await hit.waitFor();
    await expect(hit.locator('.search-hit-title').textContent()).resolves.toBe('Users API');
    await expect(hit.locator('a').first().getAttribute('href')).resolves.toBe('/api/users/');
    await expect(hit.locator('.search-hit-excerpt mark').first().textContent()).resolves.toMatch(/email/i);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('ds-search-input');
    await context.close();
  });

  it('switches to the same page in the Self-hosted edition from the keyboard, and copies its own base URL there', async () => {
    const { context, page } = await open('api/users/');
    const switcher = page.locator('.variant-switch');
    await switcher.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(switcher.getAttribute('open')).resolves.toBe('');
    // Escape closes it and gives the focus back to its button; Enter opens it again.
    await page.keyboard.press('Escape');
    await expect(switcher.getAttribute('open')).resolves.toBeNull();
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('SUMMARY');
    await page.keyboard.press('Enter');
    await switcher.getByRole('link', { name: 'Self-hosted' }).click();
    await page.waitForURL(`${site.url}self-hosted/api/users/`);
    await expect(page.locator('.variant-switch summary').innerText()).resolves.toMatch(/Self-hosted$/);
    await expect(page.locator('.code-block').filter({ hasText: 'status=active' }).locator('pre').innerText()).resolves.toContain('https://dataflow.internal.example/api/v1/users?status=active');
    // The installation page is Self-hosted only: from it, Cloud's entry says so and leads home.
    await page.locator('.prose').getByRole('link', { name: 'install DataFlow Server' }).click();
    await page.waitForURL(`${site.url}self-hosted/install/`);
    const cloud = page.locator('.variant-switch a', { hasText: 'DataFlow Cloud' });
    await expect(cloud.getAttribute('href')).resolves.toBe('/');
    await expect(cloud.textContent()).resolves.toContain('this page is not in DataFlow Cloud');
    await context.close();
  });

  it('names each section a search finds on a page by its parent heading too, so no two lines are alike', async () => {
    const { context, page } = await open('api/users/');
    const input = page.locator('#ds-search-input');
    const results = page.locator('#ds-search-results');
    const sections = results.locator('.search-hit', { has: page.locator('.search-hit-title', { hasText: 'Users API' }) }).locator('.search-sub a');
    async function search(query: string): Promise<void> {
      // Cleared first, so the results read are this query's.
      await input.fill('');
      await page.waitForFunction(() => document.getElementById('ds-search-results')!.innerHTML === '');
      await input.fill(query);
      await results.locator('.search-status').waitFor();
    }
    await search('200 OK');
    await expect(sections.allTextContents()).resolves.toEqual(['List Users › Example response (200 OK)', 'Get User by ID › Example response (200 OK)', 'Update User › Example response (200 OK)']);
    await expect(sections.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual(['/api/users/#example-response-200-ok', '/api/users/#example-response-200-ok-1', '/api/users/#example-response-200-ok-2']);
    await search('path parameters');
    await expect(sections.allTextContents()).resolves.toEqual(['Get User by ID › Path parameters', 'Update User › Path parameters', 'Delete User › Path parameters']);
    for (const query of ['example', 'request', 'user', 'status']) {
      await search(query);
      for (const hit of await results.locator('.search-hit').all()) {
        const lines = await hit.locator('.search-sub a').allTextContents();
        expect(new Set(lines).size, `${query}: ${lines.join(' | ')}`).toBe(lines.length);
      }
    }
    await context.close();
  });

  it('searches only the edition being read', async () => {
    for (const path of ['self-hosted/', '']) {
      const { context, page } = await open(path);
      // One input event: results for the whole word, not for what was typed so far.
      await page.locator('#ds-search-input').fill('docker');
      const results = page.locator('#ds-search-results');
      await results.locator('.search-status').waitFor();
      const titles = await results.locator('.search-hit-title').allTextContents();
      // Only Self-hosted has the installation page; Pagefind may still match "docs" in Cloud's own pages.
      if (path === '') expect(titles).not.toContain('Install DataFlow Server');
      else {
        expect(titles[0]).toBe('Install DataFlow Server');
        await expect(results.locator('.search-hit a').first().getAttribute('href')).resolves.toBe('/self-hosted/install/');
      }
      // Every hit is a page of the edition searched.
      const hrefs = await results.locator('.search-hit a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.every((href) => href.startsWith('/self-hosted/') === (path === 'self-hosted/'))).toBe(true);
      await context.close();
    }
  });

  it('shows under each page the link that edits its source, and the date of its last commit', async () => {
    for (const [path, source] of [['api/users/', 'content/api/users.md'], ['self-hosted/install/', 'content/install.md']] as const) {
      const { context, page } = await open(path, { viewport: { width: 390, height: 844 } });
      const edit = page.locator('main').getByRole('link', { name: 'Edit this page' });
      await expect(edit.getAttribute('href')).resolves.toBe(`https://github.com/dataflow-example/docs/edit/main/${source}`);
      await expect(edit.isVisible()).resolves.toBe(true);
      // The harness commits the copy on November 2, 2026.
      const updated = page.locator('.page-meta time');
      await expect(updated.getAttribute('datetime')).resolves.toBe('2026-11-02T09:30:00Z');
      await expect(page.locator('.page-meta-updated').textContent()).resolves.toBe('Last updated November 2, 2026');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await context.close();
    }
  });

  it('opens and closes the sidebar with the menu button on a phone', async () => {
    const { context, page } = await open('api/users/', { viewport: { width: 375, height: 740 } });
    const sidebarLink = page.locator('.sidebar').getByRole('link', { name: 'DataFlow documentation' });
    await expect(sidebarLink.isVisible()).resolves.toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await sidebarLink.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await sidebarLink.waitFor({ state: 'hidden' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    // Nothing is wider than the screen: wide tables and code scroll inside themselves.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of ['', 'api/users/', 'self-hosted/install/']) {
      it(`has no axe violations on /${path} in the ${colorScheme} theme`, async () => {
        const { context, page } = await open(path, { colorScheme });
        expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toBe(colorScheme);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});
