import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildSession } from '../../src/build/index.ts';
import { formatDiagnostics } from '../../src/diagnostics/report.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { MemoryRenderCache } from '../../src/render/cache.ts';
import { buildInMemory, makeSite, temporaryFolder } from '../helpers.ts';

/**
 * Sites whose pages show the date of their last commit. A fixture cannot hold a .git
 * folder, so each case under test/git-fixtures is a repository's files (`repo/`) and its
 * history (`history.json`: commits at fixed dates), made into a repository in the temp
 * folder by the test; its built HTML must equal `expected/`.
 * `UPDATE_FIXTURES=1 npx vitest run test/build/last-updated.test.ts` rewrites them.
 */
const update = process.env.UPDATE_FIXTURES === '1';
const FIXTURES = path.resolve(import.meta.dirname, '../git-fixtures');

interface History {
  root: string;
  commits: Array<{ date: string; message: string; files?: string[]; write?: Record<string, string> }>;
}

/** Runs git with no user or system config (a signing or hook setting must not reach the test), as a fixed author, at `date`. */
function git(cwd: string, args: string[], date = '2026-01-01T00:00:00Z'): string {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Fixture', GIT_AUTHOR_EMAIL: 'fixture@example.com', GIT_COMMITTER_NAME: 'Fixture', GIT_COMMITTER_EMAIL: 'fixture@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The fixture's repository, made in a temp folder: its files, then its commits one by one. Returns the repository's folder. */
function makeRepository(fixture: string): { repo: string; history: History } {
  const history = JSON.parse(readFileSync(path.join(fixture, 'history.json'), 'utf8')) as History;
  const repo = path.join(temporaryFolder('git'), 'repo');
  cpSync(path.join(fixture, 'repo'), repo, { recursive: true });
  git(repo, ['init', '--quiet', '--initial-branch=main']);
  for (const commit of history.commits) {
    const files = [...(commit.files ?? []), ...Object.keys(commit.write ?? {})];
    for (const file of commit.files ?? []) cpSync(path.join(fixture, 'repo', file), path.join(repo, file));
    for (const [file, text] of Object.entries(commit.write ?? {})) writeFileSync(path.join(repo, file), text);
    git(repo, ['add', '--', ...files]);
    git(repo, ['commit', '--quiet', '-m', commit.message], commit.date);
  }
  return { repo, history };
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

const footer = (html: string | undefined) => /<div class="page-meta">[\s\S]*?<\/div>/.exec(html ?? '')?.[0];
const dateOf = (html: string | undefined) => /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(html ?? '')?.slice(1);

describe('git fixtures build to their expected HTML', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, async () => {
      const fixture = path.join(FIXTURES, name);
      const { repo, history } = makeRepository(fixture);
      const result = await buildInMemory(path.join(repo, history.root), { search: false });
      expect(formatDiagnostics(result.diagnostics, { sources: result.sources })).toBe('');
      expect(result.written).toBe(true);
      const html = [...result.writer.files.keys()].filter((file) => file.endsWith('.html')).sort();
      const expectedDir = path.join(fixture, 'expected');
      if (update) {
        rmSync(expectedDir, { recursive: true, force: true });
        for (const file of html) {
          mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
          writeFileSync(path.join(expectedDir, file), result.writer.text(file)!);
        }
      }
      expect(html).toEqual(listFiles(expectedDir));
      for (const file of html) expect(result.writer.text(file), file).toBe(readFileSync(path.join(expectedDir, file), 'utf8'));
    });
  }
});

describe('lastUpdated', () => {
  it('dates each page by its own last commit in the site folder, in UTC, with an edit link whose :path is read from the site folder', async () => {
    const { repo, history } = makeRepository(path.join(FIXTURES, 'last-updated'));
    const result = await buildInMemory(path.join(repo, history.root), { search: false });
    const page = (file: string) => result.writer.text(file);
    expect(dateOf(page('index.html'))).toEqual(['2025-11-03T09:15:00Z', 'November 3, 2025']);
    // Changed by a later commit than the one that added it.
    expect(dateOf(page('guide/install/index.html'))).toEqual(['2026-01-20T17:40:00Z', 'January 20, 2026']);
    // 21:30 in New York on the 27th.
    expect(dateOf(page('guide/upgrade/index.html'))).toEqual(['2026-02-28T02:30:00Z', 'February 28, 2026']);
    // Never committed: no date, still an edit link.
    expect(footer(page('guide/draft/index.html'))).toContain('href="https://github.com/acme/kiln/edit/main/docs/content/guide/draft.md"');
    expect(dateOf(page('guide/draft/index.html'))).toBeUndefined();
    // `editLink: false`: a date, no edit link.
    expect(footer(page('guide/generated/index.html'))).not.toContain('page-meta-edit');
    expect(dateOf(page('guide/generated/index.html'))).toEqual(['2025-11-03T09:15:00Z', 'November 3, 2025']);
    expect(page('guide/café/index.html')).toContain('href="https://github.com/acme/kiln/edit/main/docs/content/guide/caf%C3%A9.md"');
  });

  it('leaves out, in a shallow clone, the dates of pages last changed before its oldest commit, and says so once', async () => {
    const { repo, history } = makeRepository(path.join(FIXTURES, 'last-updated'));
    // The last three commits: the cut is "New install steps", which lists every file it holds.
    const clone = path.join(path.dirname(repo), 'clone');
    git(path.dirname(repo), ['clone', '--quiet', '--depth', '3', `file://${repo}`, clone]);
    const result = await buildInMemory(path.join(clone, history.root), { search: false });
    const dated = Object.fromEntries(result.pages.map((page) => [page.url, dateOf(result.writer.text(page.outputPath))?.[0] ?? null]));
    expect(dated).toEqual({ '/': null, '/guide/café/': null, '/guide/generated/': null, '/guide/install/': null, '/guide/upgrade/': '2026-02-28T02:30:00Z' });
    expect(formatDiagnostics(result.diagnostics, { sources: result.sources })).toBe(
      [
        'site.config.ts:6:3: warning: lastUpdated: this is a shallow clone, and 4 pages were last changed before its oldest commit, so they show no date; fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` with actions/checkout) [last-updated/shallow-clone]',
        '  6 |   lastUpdated: true,',
        '    |   ^',
      ].join('\n'),
    );
    expect(result.written).toBe(true);
  });

  it('shows no date, and reports nothing, for a site outside any git repository', async () => {
    const root = makeSite({
      'site.config.ts': 'export default { lastUpdated: true };\n',
      'content/index.md': '# Home\n',
    });
    const result = await buildInMemory(root, { search: false });
    expect(result.diagnostics).toEqual([]);
    expect(footer(result.writer.text('index.html'))).toBeUndefined();
  });
});

describe('lastUpdated in a build session', () => {
  const sessions: BuildSession[] = [];
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
  });

  /** A repository with a.md and b.md committed on January 5, and b.md changed on February 6. */
  function repository(): string {
    const root = makeSite({
      'site.config.ts': 'export default { lastUpdated: true };\n',
      'content/index.md': '# Home\n\n[A](./a.md) [B](./b.md)\n',
      'content/a.md': '# A\n',
      'content/b.md': '# B\n\nOld.\n',
    });
    git(root, ['init', '--quiet']);
    git(root, ['add', '.']);
    git(root, ['commit', '--quiet', '-m', 'one'], '2026-01-05T10:00:00Z');
    writeFileSync(path.join(root, 'content/b.md'), '# B\n\nNew.\n');
    git(root, ['commit', '--quiet', '-am', 'two'], '2026-02-06T10:00:00Z');
    return root;
  }

  function session(root: string, writer: MemoryWriter, cache: MemoryRenderCache): BuildSession {
    const created = new BuildSession({ root, writer, cache, search: false });
    sessions.push(created);
    return created;
  }

  it('lays out again, and renders nothing, the page whose last commit got another date', async () => {
    const root = repository();
    const writer = new MemoryWriter();
    const cache = new MemoryRenderCache();
    await session(root, writer, cache).run();
    expect(dateOf(writer.text('b/index.html'))).toEqual(['2026-02-06T10:00:00Z', 'February 6, 2026']);
    // The same text, committed at another time (a rebase does this).
    git(root, ['commit', '--quiet', '--amend', '--no-edit', '--reset-author'], '2026-03-07T10:00:00Z');
    const result = await session(root, writer, cache).run();
    expect(result.stats).toEqual({ rendered: 0, laidOut: 1, reused: 2 });
    expect(dateOf(writer.text('b/index.html'))).toEqual(['2026-03-07T10:00:00Z', 'March 7, 2026']);
    expect(dateOf(writer.text('a/index.html'))).toEqual(['2026-01-05T10:00:00Z', 'January 5, 2026']);
  });

  it('reads the dates once a session: its next runs (a dev server\'s saves) carry every page, and a new commit shows in a new session', async () => {
    const root = repository();
    const writer = new MemoryWriter();
    const cache = new MemoryRenderCache();
    const first = session(root, writer, cache);
    await first.run();
    git(root, ['commit', '--quiet', '--amend', '--no-edit', '--reset-author'], '2026-03-07T10:00:00Z');
    expect((await first.run()).stats).toEqual({ rendered: 0, laidOut: 0, reused: 3 });
    expect(dateOf(writer.text('b/index.html'))?.[0]).toBe('2026-02-06T10:00:00Z');
    await session(root, writer, cache).run();
    expect(dateOf(writer.text('b/index.html'))?.[0]).toBe('2026-03-07T10:00:00Z');
  });
});
