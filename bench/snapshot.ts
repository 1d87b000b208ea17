/**
 * A frozen copy of docsmith (bin/, src/, templates/, package.json, tsconfig.json, and a link
 * to node_modules) for the bench to run. Engineers edit src/ while a bench runs for
 * many minutes; every build of one run must measure the same code, and a half-made
 * edit must not fail the run midway.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const COPIED = ['bin', 'src', 'templates', 'package.json', 'tsconfig.json'];

/** Copies the docsmith in `repo` into `into`; returns the copy's command line (it compiles the copy on first start). */
export function snapshotDocsmith(repo: string, into: string): string {
  mkdirSync(into, { recursive: true });
  for (const name of COPIED) cpSync(path.join(repo, name), path.join(into, name), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(into, 'node_modules'), 'dir');
  return path.join(into, 'bin', 'docsmith.mjs');
}

/**
 * Node's arguments for running a copy the way `npm run build` runs docsmith: the Node
 * flags of its package.json's build script, then its bin/docsmith.mjs. The bench measures
 * what writers run; a script of another shape stops the bench rather than be guessed at.
 */
export function docsmithNodeArgs(copy: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const match = /^node((?: --[\w-]+(?:=\S+)?)*) bin\/docsmith\.mjs build$/.exec(scripts?.build ?? '');
  if (!match) throw new Error(`package.json's build script is not "node [flags] bin/docsmith.mjs build": ${scripts?.build}`);
  return [...match[1]!.split(' ').filter(Boolean), path.join(copy, 'bin', 'docsmith.mjs')];
}

