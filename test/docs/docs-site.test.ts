import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_PAGES, REGENERATE } from '../../docs/generate/pages.ts';
import { buildInMemory } from '../helpers.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(REPO, 'docs');
const packageJson = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };

describe("docsmith's own documentation (docs/)", () => {
  it.each(Object.keys(GENERATED_PAGES))('docs/content/%s is what its generator writes now', (page) => {
    const committed = readFileSync(path.join(DOCS, 'content', page), 'utf8');
    expect(committed, `docs/content/${page} is stale: run \`${REGENERATE}\` and commit the result`).toBe(GENERATED_PAGES[page]!(REPO));
  });

  it('builds without a single error or warning, its placeholders filled from package.json', async () => {
    const result = await buildInMemory(DOCS, { search: false });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`)).toEqual([]);
    const gettingStarted = result.html.get('content/getting-started/index.md') ?? '';
    expect(gettingStarted).toContain(`Node.js ${packageJson.engines.node.replace('>=', '')} or newer`);
    const home = result.html.get('content/index.md') ?? '';
    expect(home).toContain(`version ${packageJson.version}`);
    // The site's colours come from its own head-end partial, as the theme page shows.
    expect(home).toContain('assets/docs.css');
  });

  it("README's links into the repository lead to files that exist", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\((?!https?:|#)([^)\s#]+)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(existsSync(path.join(REPO, target)), target).toBe(true);
  });
});
