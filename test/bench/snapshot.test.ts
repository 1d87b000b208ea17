import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsmithNodeArgs } from '../../bench/snapshot.ts';
import { temporaryFolder } from '../helpers.ts';

describe('docsmithNodeArgs', () => {
  it('runs docsmith as package.json’s build script does, Node flags included', () => {
    const root = process.cwd();
    expect(docsmithNodeArgs(root)).toEqual(['--single-threaded-gc', path.join(root, 'bin', 'docsmith.mjs')]);
  });

  it('refuses a build script it cannot read as a Node command line', () => {
    const dir = temporaryFolder('snapshot');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build: 'tsx src/cli.ts build' } }));
    expect(() => docsmithNodeArgs(dir)).toThrow('is not "node [flags] bin/docsmith.mjs build"');
  });
});
