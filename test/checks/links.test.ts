import { describe, expect, it } from 'vitest';
import { CheckMemo } from '../../src/checks/memo.ts';
import { checkLinks } from '../../src/checks/links.ts';

const page = (url: string, anchors: string[], links: Array<{ target: string; anchor?: string; kind?: 'page' | 'asset' | 'external' }>) => ({
  file: `content${url}index.md`,
  url,
  anchors,
  links: links.map((l, i) => ({ target: l.target, anchor: l.anchor ?? '', kind: l.kind ?? 'page', element: 'a' as const, written: l.target, line: i + 1, column: 1 })),
});

describe('checkLinks', () => {
  it('accepts links to existing pages, anchors and files', () => {
    const pages = [page('/', ['top'], [{ target: '/a/', anchor: 'x' }, { target: '/', anchor: 'top' }, { target: 'img/a.png', kind: 'asset' }, { target: 'https://x.test', kind: 'external' }]), page('/a/', ['x'], [])];
    expect(checkLinks({ pages, assets: new Set(['img/a.png']), severity: 'error' })).toEqual([]);
  });

  it('reports missing pages and anchors at the configured severity', () => {
    const pages = [page('/', [], [{ target: '/b/' }, { target: '/a/', anchor: 'nope' }]), page('/a/', ['x'], [])];
    expect(checkLinks({ pages, assets: new Set(), severity: 'warning' })).toEqual([
      { file: 'content/index.md', line: 1, column: 1, severity: 'warning', message: 'link to a missing page "/b/"; did you mean "/a/"?', rule: 'links/missing-page' },
      { file: 'content/index.md', line: 2, column: 1, severity: 'warning', message: 'link to a missing anchor "#nope" in "/a/"', rule: 'links/missing-anchor' },
    ]);
  });

  it('accepts links to a folder\'s generated landing page, and reports an anchor on it; a memo notices when the landing pages change', () => {
    const memo = new CheckMemo();
    const assets = new Set<string>();
    const pages = [page('/', [], [{ target: '/api/' }, { target: '/api/', anchor: 'list' }]), page('/api/users/', [], [])];
    const check = (landingUrls: ReadonlySet<string> | undefined) => checkLinks({ pages, assets, landingUrls, severity: 'error' }, memo).map((d) => d.message);
    const landing = new Set(['/api/']);
    expect(check(landing)).toEqual(['link to a missing anchor "#list" in "/api/": it leads to a folder\'s generated page, which lists its pages and has no headings']);
    // Once the landing page is gone (the sidebar changed), the same links are checked again.
    expect(check(undefined)).toEqual(['link to a missing page "/api/"', 'link to a missing page "/api/"']);
    expect(check(landing)).toHaveLength(1);
  });

  it('kept between rebuilds, answers again for unchanged pages and notices a target that lost its anchor or was removed', () => {
    const index = new CheckMemo();
    const assets = new Set<string>();
    const home = page('/', [], [{ target: '/a/', anchor: 'usage' }]);
    const a = page('/a/', ['usage'], []);
    const check = (pages: ReturnType<typeof page>[]) => checkLinks({ pages, assets, severity: 'error' }, index).map((d) => d.message);
    expect(check([home, a])).toEqual([]);
    expect(check([home, a])).toEqual([]);
    // /a/ re-rendered without the heading: the unchanged home page is checked again.
    const edited = page('/a/', ['other'], []);
    expect(check([home, edited])).toEqual(['link to a missing anchor "#usage" in "/a/"']);
    expect(check([home, a])).toEqual([]);
    expect(check([home])).toEqual(['link to a missing page "/a/"; did you mean "/"?']);
  });
});

describe('checkLinks on links written the way other tools write them', () => {
  type Written = { written: string; kind: 'page' | 'asset' | 'outside'; target: string; element?: 'a' | 'img' };
  const source = (file: string, url: string, links: Written[] = [], anchors: string[] = []) => ({
    file,
    url,
    anchors,
    links: links.map((l, i) => ({ anchor: '', element: 'a' as const, ...l, line: i + 1, column: 1 })),
  });
  const site = [
    source('content/index.md', '/'),
    source('content/guide/features.md', '/guide/features/', [], ['live-reload']),
    source('content/guide/install.md', '/guide/install/'),
    source('content/guide/linux.md', '/guide/linux/'),
  ];
  const messages = (page: ReturnType<typeof source>, assets = new Set<string>(['assets/logo.png', 'guide/img/flow.svg'])) =>
    checkLinks({ pages: [...site, page], assets, severity: 'error' }).map((d) => `${d.message} [${d.rule}]`);

  it('points a built .html name to the page source, spelled from the linking file', () => {
    const home = source('content/home.md', '/home/', [
      { written: '/guide/features.html#live-reload', kind: 'asset', target: 'guide/features.html' },
      { written: 'guide/index.html', kind: 'asset', target: 'guide/index.html' },
      { written: '/index.htm', kind: 'asset', target: 'index.htm' },
    ]);
    expect(messages(home)).toEqual([
      'link to a missing file "/guide/features.html#live-reload": pages are linked by their .md file, not by a built .html name; did you mean "./guide/features.md#live-reload"? [links/missing-file]',
      'link to a missing file "guide/index.html": there is no "content/guide/index.html" [links/missing-file]',
      'link to a missing file "/index.htm": pages are linked by their .md file, not by a built .html name; did you mean "./index.md"? [links/missing-file]',
    ]);
  });

  it('reads a relative link as a browser would from the page URL when it does not resolve from the file', () => {
    const mac = source('content/guide/macos.md', '/guide/macos/', [
      { written: '../linux/', kind: 'page', target: '/linux/' },
      { written: '../linux.html?os=1#apt', kind: 'asset', target: 'linux.html' },
      { written: '../img/flow.svg', kind: 'asset', target: 'img/flow.svg', element: 'img' },
    ]);
    expect(messages(mac)).toEqual([
      'link to a missing page "../linux/": relative links are read from this file\'s folder, not from the page\'s URL; did you mean "./linux.md"? [links/missing-page]',
      'link to a missing file "../linux.html?os=1#apt": pages are linked by their .md file, not by a built .html name, and relative links are read from this file\'s folder, not from the page\'s URL; did you mean "./linux.md?os=1#apt"? [links/missing-file]',
      'image "../img/flow.svg" does not exist: relative links are read from this file\'s folder, not from the page\'s URL; did you mean "./img/flow.svg"? [images/missing]',
    ]);
  });

  it('says where a missing image was looked for, and names a file of that name in content/', () => {
    const home = source('content/guide/setup.md', '/guide/setup/', [
      { written: '/img/logo.png', kind: 'asset', target: 'img/logo.png', element: 'img' },
      { written: 'shots/run.png', kind: 'asset', target: 'guide/shots/run.png', element: 'img' },
      { written: '/files/Logo.PNG', kind: 'asset', target: 'files/Logo.PNG' },
    ]);
    expect(messages(home)).toEqual([
      'image "/img/logo.png" does not exist: there is no "content/img/logo.png" (a path starting with "/" starts at content/); did you mean "../assets/logo.png"? [images/missing]',
      'image "shots/run.png" does not exist: there is no "content/guide/shots/run.png" [images/missing]',
      'link to a missing file "/files/Logo.PNG": there is no "content/files/Logo.PNG" (a path starting with "/" starts at content/); did you mean "../assets/logo.png"? [links/missing-file]',
    ]);
  });

  it('says plainly that a link or an image leaves content/', () => {
    const home = source('content/guide/setup.md', '/guide/setup/', [
      { written: '../../README.md', kind: 'outside', target: '../README.md' },
      { written: '../../images/flow.svg', kind: 'outside', target: 'images/flow.svg', element: 'img' },
      { written: '../../static/img/none.png', kind: 'outside', target: 'static/img/none.png', element: 'img' },
    ]);
    expect(messages(home)).toEqual([
      'link to "../../README.md" leaves content/ (it leads to "../README.md" from the site folder): only files in content/ are published; link to its web address instead, or move it into content/ [links/outside-content]',
      'image "../../images/flow.svg" is outside content/ (it leads to "images/flow.svg" from the site folder): only files in content/ are published; did you mean "./img/flow.svg"? [images/outside-content]',
      'image "../../static/img/none.png" is outside content/ (it leads to "static/img/none.png" from the site folder): only files in content/ are published; move it into content/ [images/outside-content]',
    ]);
  });

  it('suggests no README.md of content/ for one outside it: every folder of a repository may have one', () => {
    const readme = source('content/cli/README.md', '/cli/');
    const api = source('content/api/textures.md', '/api/textures/', [{ written: '../../shell/api/README.md', kind: 'outside', target: 'shell/api/README.md' }]);
    expect(checkLinks({ pages: [...site, readme, api], assets: new Set(), severity: 'error' }).map((d) => d.message)).toEqual([
      'link to "../../shell/api/README.md" leaves content/ (it leads to "shell/api/README.md" from the site folder): only files in content/ are published; link to its web address instead, or move it into content/',
    ]);
  });

  it('an out-of-content link a browser would read as a page gets that page', () => {
    const deep = source('content/guide/install.md', '/guide/install/', [{ written: '../../guide/linux.md', kind: 'outside', target: 'guide/linux.md' }]);
    expect(messages(deep)).toEqual([
      'link to "../../guide/linux.md" leaves content/: relative links are read from this file\'s folder, not from the page\'s URL; did you mean "./linux.md"? [links/outside-content]',
    ]);
  });

  it('kept between rebuilds, gives a broken link the hint of a page added or renamed since', () => {
    const index = new CheckMemo();
    const assets = new Set<string>();
    const home = source('content/index.md', '/', [{ written: '/setup.html', kind: 'asset', target: 'setup.html' }]);
    const check = (pages: Array<ReturnType<typeof source>>) => checkLinks({ pages, assets, severity: 'error' }, index).map((d) => d.message);
    expect(check([home])).toEqual(['link to a missing file "/setup.html": there is no "content/setup.html" (a path starting with "/" starts at content/)']);
    expect(check([home, source('content/setup.md', '/setup/')])).toEqual(['link to a missing file "/setup.html": pages are linked by their .md file, not by a built .html name; did you mean "./setup.md"?']);
    // The same URL from another file (a folder's README.md serving as its index).
    expect(check([home, source('content/setup/README.md', '/setup/')])).toEqual(['link to a missing file "/setup.html": pages are linked by their .md file, not by a built .html name; did you mean "./setup/README.md"?']);
  });

  it('points a page\'s link to its own built name at the heading alone', () => {
    const page = source('content/guide/windows.md', '/guide/windows/', [{ written: '/guide/windows.html#winget', kind: 'asset', target: 'guide/windows.html' }], ['winget']);
    expect(messages(page)).toEqual(['link to a missing file "/guide/windows.html#winget": pages are linked by their .md file, not by a built .html name; did you mean "#winget"? [links/missing-file]']);
  });
});

describe('checkLinks with a memo', () => {
  it('answers each page for its own links when pages trade places between runs', () => {
    const memo = new CheckMemo();
    const good = page('/good/', ['x'], [{ target: '/good/', anchor: 'x' }]);
    const bad = page('/bad/', [], [{ target: '/good/', anchor: 'nope' }]);
    const check = (pages: Array<ReturnType<typeof page>>) => checkLinks({ pages, assets: new Set(), severity: 'error' }, memo).map((d) => `${d.file}: ${d.message}`);
    const expected = ['content/bad/index.md: link to a missing anchor "#nope" in "/good/"'];
    expect(check([good, bad])).toEqual(expected);
    // The same page list in another order: page numbers now name other pages and their links.
    expect(check([bad, good])).toEqual(expected);
    expect(check([bad, good])).toEqual(expected);
    // The target's anchors changed (its record is new): the page linking to it is checked again.
    expect(check([bad, { ...good, anchors: ['x', 'nope'] }])).toEqual([]);
  });
});

describe('checkLinks near misses', () => {
  it('answers a misspelt page in the spelling the writer used: a source path for a .md link, a URL for a URL', () => {
    const pages = [
      { file: 'content/guide/caching.md', url: '/guide/caching/', anchors: ['keys'], links: [] },
      {
        file: 'content/guide/setup.md',
        url: '/guide/setup/',
        anchors: [],
        links: [
          { written: './cachng.md#keys', kind: 'page' as const, target: '/guide/cachng/', anchor: 'keys', element: 'a' as const, line: 1, column: 1 },
          { written: '/guide/cachng/', kind: 'page' as const, target: '/guide/cachng/', anchor: '', element: 'a' as const, line: 2, column: 1 },
        ],
      },
    ];
    expect(checkLinks({ pages, assets: new Set(), severity: 'error' }).map((d) => d.message)).toEqual([
      'link to a missing page "./cachng.md#keys"; did you mean "./caching.md#keys"?',
      'link to a missing page "/guide/cachng/"; did you mean "/guide/caching/"?',
    ]);
  });
});
