import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../hashing/hash.ts';
import { CODE_ID } from '../runtime.ts';

/** When each file of the site was last committed, as its git repository knows it. */
export interface LastCommits {
  /** The committer date (seconds since 1970) of the newest commit that changed each file, by site-relative path (`content/api/users.md`). */
  times: ReadonlyMap<string, number>;
  /** In a shallow clone: the files last changed before its oldest commit, whose date is unknown (they are not in `times`). */
  beforeHistory: ReadonlySet<string>;
}

/** One commit of `git log`, with the files it changed (site-relative). */
export interface LoggedCommit {
  hash: string;
  time: number;
  files: string[];
}

/** Where the dates of a commit are kept between builds (the render cache): a key, and what is stored under it. */
export interface CommitsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/**
 * Every file's last commit under the site folder, read with one `git log` for the whole
 * site (a process per page would cost seconds on a large site). `undefined` when there is
 * nothing to read: no git, a folder outside any repository, a repository without commits.
 * Never an error: the dates are a nicety, and a build must not fail for want of them.
 *
 * The log's answer depends only on the commit checked out, where the site is in the
 * repository and, in a shallow clone, where its history stops: with a `store`, it is kept
 * under those, so a rebuild at the same commit asks git one quick question, not the log.
 */
export async function readLastCommits(root: string, store?: CommitsStore): Promise<LastCommits | undefined> {
  const head = await git(root, ['rev-parse', 'HEAD', '--show-prefix', '--is-shallow-repository', '--git-path', 'shallow']);
  if (head === undefined) return undefined;
  const [commit = '', prefix = '', shallow = '', shallowFile = ''] = head.split('\n');
  const cut = shallow === 'true' ? await shallowCut(path.resolve(root, shallowFile)) : [];
  const key = hashOf('last-commits', CODE_ID, commit, prefix, ...cut);
  const known = store?.get<StoredCommits>(key);
  if (known) return { times: new Map(known.times), beforeHistory: new Set(known.beforeHistory) };
  // `-z`: names verbatim, NUL-separated (no quoting of non-ASCII or odd names). `--relative`
  // with `-- .`: only this folder's commits, named from it, when the site is a folder of
  // its repository (`--root docs`). `log.showRoot`: the first commit lists its files too,
  // whatever the user's git config says. `--no-renames`: a moved file is dated by its move
  // either way, and finding renames costs time.
  const log = await git(root, ['-c', 'log.showRoot=true', 'log', '--no-renames', '--format=%x1e%H%x1f%ct', '--name-only', '--relative', '-z', '--', '.']);
  if (log === undefined) return undefined;
  const found = lastCommitTimes(parseGitLog(log), new Set(cut));
  store?.set(key, { times: [...found.times], beforeHistory: [...found.beforeHistory] } satisfies StoredCommits);
  return found;
}

interface StoredCommits {
  times: Array<[string, number]>;
  beforeHistory: string[];
}

/** `git log --format=%x1e%H%x1f%ct --name-only -z` → its commits. */
export function parseGitLog(output: string): LoggedCommit[] {
  return output
    .split('\x1e')
    .slice(1)
    .map((record) => {
      const headerEnd = record.indexOf('\0');
      const [hash = '', time = ''] = (headerEnd === -1 ? record : record.slice(0, headerEnd)).split('\x1f');
      const names = headerEnd === -1 ? '' : record.slice(headerEnd + 1).replace(/^\n/, '');
      return { hash, time: Number(time), files: names.split('\0').filter((name) => name !== '') };
    });
}

/**
 * Each file's newest commit time. A file that only the commits at a shallow clone's cut
 * (`cut`) name has no date: the cut commit lists every file it holds as if it had added
 * it, so its date says nothing of when the file last changed.
 */
export function lastCommitTimes(commits: readonly LoggedCommit[], cut: ReadonlySet<string>): LastCommits {
  const times = new Map<string, number>();
  const atCut = new Set<string>();
  for (const commit of commits) {
    if (cut.has(commit.hash)) {
      for (const file of commit.files) atCut.add(file);
      continue;
    }
    if (!Number.isFinite(commit.time)) continue;
    for (const file of commit.files) if (commit.time > (times.get(file) ?? -Infinity)) times.set(file, commit.time);
  }
  for (const file of times.keys()) atCut.delete(file);
  return { times, beforeHistory: atCut };
}

/** The commits where a shallow clone's history stops, sorted (the file lists them). */
async function shallowCut(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '').sort();
  } catch {
    return [];
  }
}

/** A git command's output, or `undefined` when it cannot run or fails. */
function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks).toString('utf8') : undefined));
  });
}
