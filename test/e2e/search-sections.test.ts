import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/index.ts';
import { DiskWriter } from '../../src/output/writer.ts';
import { makeSite } from '../helpers.ts';
import { hasChromium, launch, serve } from './harness.ts';

/** A page whose sections repeat names down to their parents: its search results still name each one apart. */
describe.skipIf(!hasChromium)('search results for sections of the same name, in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let root: string;

  beforeAll(async () => {
    root = makeSite({
      'site.config.ts': "export default { title: 'Acme' };\n",
      'content/index.md': '# Home\n\nWelcome.\n',
      'content/errors.md': [
        '# Errors', '',
        '## Retries', '', '### Example', '', 'Retry the call with a zebra backoff.', '',
        '## Retries', '', '### Example', '', 'Retry the call again, zebra or not.', '',
        '## Limits', '', '### Example', '', 'A zebra limit.', '',
      ].join('\n'),
    });
    const out = path.join(root, 'dist');
    const result = await build({ root, writer: new DiskWriter(out) });
    if (!result.written) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
    ({ url, server } = await serve(out));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('numbers the ones that no parent heading tells apart', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#ds-search-input').fill('zebra');
    const sections = page.locator('.search-hit').first().locator('.search-sub a');
    await sections.first().waitFor();
    await expect(sections.allTextContents()).resolves.toEqual(['Retries › Example', 'Retries › Example (2)', 'Limits › Example']);
    await expect(sections.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual(['/errors/#example', '/errors/#example-1', '/errors/#example-2']);
    await context.close();
  });
});
