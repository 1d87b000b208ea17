import { describe, expect, it } from 'vitest';
import { checkReachable } from '../../src/checks/reachable.ts';

const page = (url: string, links: string[] = []) => ({ file: `content${url}index.md`, url, links: links.map((target) => ({ kind: 'page', target })) });
const item = (url: string) => ({ text: url, href: url, url, external: false, items: [] });

describe('checkReachable', () => {
  it('follows links from the home page and the sidebar, and warns about the rest', () => {
    const pages = [page('/', ['/a/']), page('/a/', ['/b/']), page('/b/'), page('/c/'), page('/orphan/'), page('/in-nav/')];
    expect(checkReachable({ pages, sidebar: [item('/in-nav/')] }).map((d) => d.file)).toEqual(['content/c/index.md', 'content/orphan/index.md']);
    expect(checkReachable({ pages, sidebar: [item('/in-nav/')] })[0]).toMatchObject({ severity: 'warning', rule: 'nav/unreachable', line: 1, column: 1 });
  });
});
