import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastCommitTimes, parseGitLog, readLastCommits } from '../../src/content/last-commits.ts';
import { makeSite } from '../helpers.ts';

/** What `git log --format=%x1e%H%x1f%ct --name-only -z` prints for these commits, newest first. */
function logOf(commits: Array<{ hash: string; time: number; files: string[] }>): string {
  return commits.map((c) => `\x1e${c.hash}\x1f${c.time}\0${c.files.length > 0 ? `\n${c.files.join('\0')}\0` : ''}`).join('');
}

describe('parseGitLog', () => {
  it('reads each commit with its files, names verbatim (non-ASCII, spaces, quotes, a newline)', () => {
    const commits = [
      { hash: 'c3', time: 300, files: [] },
      { hash: 'c2', time: 200, files: ['content/café.md', 'content/a "b".md', 'content/odd\nname.md'] },
      { hash: 'c1', time: 100, files: ['content/index.md'] },
    ];
    expect(parseGitLog(logOf(commits))).toEqual(commits);
  });

  it('reads nothing from nothing', () => {
    expect(parseGitLog('')).toEqual([]);
  });
});

describe('lastCommitTimes', () => {
  it("gives each file its newest commit's time, whatever the order of the log", () => {
    const result = lastCommitTimes(parseGitLog(logOf([
      { hash: 'c1', time: 100, files: ['a.md', 'b.md'] },
      { hash: 'c3', time: 300, files: ['a.md'] },
      { hash: 'c2', time: 200, files: ['a.md', 'b.md'] },
    ])), new Set());
    expect(Object.fromEntries(result.times)).toEqual({ 'a.md': 300, 'b.md': 200 });
    expect(result.beforeHistory).toEqual(new Set());
  });

  it("leaves undated, in a shallow clone, the files that only its cut commit names (it lists every file it holds)", () => {
    const result = lastCommitTimes(parseGitLog(logOf([
      { hash: 'c3', time: 300, files: ['a.md'] },
      { hash: 'c2', time: 200, files: ['a.md', 'b.md', 'c.md'] },
    ])), new Set(['c2']));
    expect(Object.fromEntries(result.times)).toEqual({ 'a.md': 300 });
    expect(result.beforeHistory).toEqual(new Set(['b.md', 'c.md']));
  });
});

describe('readLastCommits', () => {
  function commit(root: string, message: string, date: string): void {
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    for (const args of [['add', '.'], ['commit', '--quiet', '-m', message]]) execFileSync('git', args, { cwd: root, env, stdio: 'ignore' });
  }

  it('keeps what the log said under the commit checked out: at the same commit the log is not read again', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n' });
    expect(await readLastCommits(root)).toBeUndefined();
    execFileSync('git', ['init', '--quiet'], { cwd: root, stdio: 'ignore' });
    // A repository without a commit has nothing to say either.
    expect(await readLastCommits(root)).toBeUndefined();
    commit(root, 'one', '2026-01-05T10:00:00Z');
    const entries = new Map<string, unknown>();
    const store = { get: <T,>(key: string) => entries.get(key) as T | undefined, set: (key: string, value: unknown) => void entries.set(key, value) };
    const first = await readLastCommits(root, store);
    expect(Object.fromEntries(first!.times)).toEqual({ 'content/index.md': 1767607200 });
    // What a second read answers comes from the store (planted here), not from git.
    expect(entries.size).toBe(1);
    const [key] = entries.keys();
    entries.set(key!, { times: [['content/index.md', 1]], beforeHistory: [] });
    expect(Object.fromEntries((await readLastCommits(root, store))!.times)).toEqual({ 'content/index.md': 1 });
    // Another commit checked out: the log is read again.
    writeFileSync(path.join(root, 'content/index.md'), '# Home again\n');
    commit(root, 'two', '2026-02-06T10:00:00Z');
    expect(Object.fromEntries((await readLastCommits(root, store))!.times)).toEqual({ 'content/index.md': 1770372000 });
  });
});
