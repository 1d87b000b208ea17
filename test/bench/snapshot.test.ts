import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsmithNodeArgs } from '../../bench/snapshot.ts';
import { temporaryFolder } from '../helpers.ts';

/** A checkout whose package.json has this build script. */
function withBuildScript(build: string): string {
  const dir = temporaryFolder('snapshot');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build } }));
  return dir;
}

describe('docsmithNodeArgs', () => {
  it('runs docsmith as package.json’s build script does, Node flags included', () => {
    const root = process.cwd();
    // The npm script starts Node with docsmith's options (bin/relaunch.mjs), as the bench does.
    expect(docsmithNodeArgs(root)).toEqual(['--single-threaded-gc', path.join(root, 'bin', 'docsmith.mjs')]);
    const flagged = withBuildScript('node --max-old-space-size=4096 --trace-gc bin/docsmith.mjs build');
    expect(docsmithNodeArgs(flagged)).toEqual(['--max-old-space-size=4096', '--trace-gc', path.join(flagged, 'bin', 'docsmith.mjs')]);
  });

  it('refuses a build script it cannot read as a Node command line', () => {
    expect(() => docsmithNodeArgs(withBuildScript('tsx src/cli.ts build'))).toThrow('is not "node [flags] bin/docsmith.mjs build"');
  });
});
