import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * patches/ holds speed fixes to libraries remark-parse runs on (see each patch's comment
 * and ARCHITECTURE.md), applied by patch-package when this repository is installed. A
 * patch that stops applying (a new version of the package) fails the install; this catches
 * an install that skipped them, and checks that the unpatched copies the equivalence test
 * compares with (test/markdown/fast/unpatched-equivalence.test.ts) are the same versions.
 */
describe('patches/', () => {
  const patches = readdirSync('patches').filter((name) => name.endsWith('.patch'));

  it('are applied to every file they change', () => {
    expect(patches.length).toBeGreaterThan(0);
    for (const patch of patches) {
      const files = [...readFileSync(`patches/${patch}`, 'utf8').matchAll(/^\+\+\+ b\/(node_modules\/\S+)$/gm)].map((match) => match[1]!);
      expect(files.length, patch).toBeGreaterThan(0);
      for (const file of files) expect(readFileSync(file, 'utf8'), file).toContain('docsmith patch');
    }
  });

  it('match the installed versions', () => {
    for (const patch of patches) {
      const [, name, version] = /^(.+)\+(\d[^+]*)\.patch$/.exec(patch)!;
      const installed = JSON.parse(readFileSync(`node_modules/${name!.replace('+', '/')}/package.json`, 'utf8')) as { version: string };
      expect(installed.version, name).toBe(version);
    }
  });

  it('each have the same version installed unpatched, under an alias, for the equivalence test', () => {
    const devDependencies = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    for (const patch of patches) {
      const [, name, version] = /^(.+)\+(\d[^+]*)\.patch$/.exec(patch)!;
      const alias = `${name!.replace('+', '/')}-unpatched`;
      expect(devDependencies[alias], alias).toBe(`npm:${name!.replace('+', '/')}@${version}`);
      const installed = JSON.parse(readFileSync(`node_modules/${alias}/package.json`, 'utf8')) as { version: string };
      expect(installed.version, alias).toBe(version);
      const files = [...readFileSync(`patches/${patch}`, 'utf8').matchAll(/^\+\+\+ b\/node_modules\/[^/]+\/(\S+)$/gm)].map((match) => match[1]!);
      for (const file of files) expect(readFileSync(`node_modules/${alias}/${file}`, 'utf8'), file).not.toContain('docsmith patch');
    }
  });

  it('are applied by postinstall in this repository only, not in a docsmith installed as a dependency', () => {
    expect((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.postinstall).toBe('node patches/postinstall.mjs');
    const project = mkdtempSync(path.join(tmpdir(), 'docsmith-postinstall-'));
    try {
      const installed = path.join(project, 'node_modules', 'docsmith', 'patches');
      mkdirSync(installed, { recursive: true });
      copyFileSync('patches/postinstall.mjs', path.join(installed, 'postinstall.mjs'));
      const run = spawnSync(process.execPath, [path.join(installed, 'postinstall.mjs')], { cwd: path.dirname(installed), encoding: 'utf8' });
      expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({ status: 0, output: '' });
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
