import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * patches/ holds speed fixes to libraries remark-parse runs on (see each patch's comment),
 * applied by patch-package on `npm install`. A patch that stops applying (a new version
 * of the package) fails the install; this catches an install that skipped them.
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
});
