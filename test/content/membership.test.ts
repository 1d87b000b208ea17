import { describe, expect, it } from 'vitest';
import { variantMembership } from '../../src/content/membership.ts';
import { readPageHeader } from '../../src/content/page-header.ts';

const NAMES = ['cloud', 'self-hosted', 'v1'];

function site(files: Record<string, string>, names = NAMES) {
  const pages = Object.keys(files).map((contentPath) => ({ file: `content/${contentPath}`, contentPath, url: `/${contentPath.replace(/(index)?\.md$/, '')}`, outputPath: 'x' }));
  const headers = pages.map((page) => readPageHeader(page, files[page.contentPath]!));
  const result = variantMembership(pages, headers, names);
  return {
    of: Object.fromEntries(pages.map((page, i) => [page.contentPath, result.pages[i]!.join(' ')])),
    problems: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message} [${d.rule}]`),
  };
}

describe('variantMembership', () => {
  it('puts a page without a list in every variant its folders allow, and one with a list in those', () => {
    const { of, problems } = site({
      'index.md': '# Home',
      'guide.md': '---\nvariants: [cloud, v1]\n---\n# Guide',
      'install/index.md': '---\nvariants:\n  - self-hosted\n  - v1\n---\n# Install',
      'install/linux.md': '# Linux',
      'install/docker/index.md': '# Docker',
      'install/docker/compose.md': '---\nvariants: v1\n---\n# Compose',
    });
    expect(problems).toEqual([]);
    expect(of).toEqual({ 'index.md': 'cloud self-hosted v1', 'guide.md': 'cloud v1', 'install/index.md': 'self-hosted v1', 'install/linux.md': 'self-hosted v1', 'install/docker/index.md': 'self-hosted v1', 'install/docker/compose.md': 'v1' });
  });

  it('limits only the home page itself with the home page list', () => {
    expect(site({ 'index.md': '---\nvariants: [cloud]\n---\n# Home', 'guide.md': '# Guide' }).of).toEqual({ 'index.md': 'cloud', 'guide.md': 'cloud self-hosted v1' });
  });

  it('reports a name the site lacks at the name, with the near one, and a name the folder does not allow', () => {
    const { of, problems } = site({
      'api/index.md': '---\ntitle: API\nvariants: [cloud, self-hosted]\n---\n# API',
      'api/users.md': '---\nvariants: [clod, v1]\n---\n# Users',
    });
    expect(problems).toEqual([
      'content/api/users.md:2:12 error: unknown variant "clod"; did you mean "cloud"? (the site\'s variants: "cloud", "self-hosted", "v1") [variants/unknown]',
      'content/api/users.md:2:18 error: "v1" widens the variants of its folder: content/api/index.md limits it to "cloud", "self-hosted"; a page can narrow its folder\'s variants, not add to them [variants/widens]',
      'content/api/users.md:2:1 warning: this page is in no variant, so it is built in none: list at least one of its folder\'s variants, or delete the page [variants/none]',
    ]);
    expect(of['api/users.md']).toBe('');
  });

  it('finds names in a block list for their positions', () => {
    expect(site({ 'a.md': '---\nvariants:\n  - cloud\n  - "selfhosted"\n---\n# A' }).problems[0]).toMatch(/^content\/a\.md:4:6 error: unknown variant "selfhosted"; did you mean "self-hosted"\?/);
  });

  it('reports a list on a site without variants', () => {
    expect(site({ 'a.md': '---\nvariants: [cloud]\n---\n# A' }, []).problems).toEqual(['content/a.md:2:12 error: this site has no variants, so a page cannot be limited to some: add `variants` to site.config.ts, or remove this list [variants/unknown]']);
  });
});
