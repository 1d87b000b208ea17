import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

/**
 * Points the OS temp folder at a fresh folder for this run, so the run can prove it left
 * nothing behind: other programs on the machine use the shared one at the same time.
 * Set before the workers start, TMPDIR reaches them and every process they spawn
 * (the CLI, Chromium), and `os.tmpdir()` reads it on every call.
 */
export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const runFolder = mkdtempSync(path.join(tmpdir(), 'docsmith-test-run-'));
  // tsx (which runs TypeScript in some tests' child processes) keeps its transform cache in
  // <tmp>/tsx-<user>: a cache, not a leftover; it goes with the run's folder.
  const tsxCache = `tsx-${process.geteuid?.() ?? userInfo().username}`;
  process.env.TMPDIR = runFolder;

  return function teardown() {
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    // Chromium's own scratch folders (.org.chromium.Chromium.*) outlive a closed browser now
    // and then; they are Chromium's, not a test's, and go with the run's folder below.
    const leftovers = readdirSync(runFolder).filter((name) => name !== tsxCache && !name.startsWith('.org.chromium.')).sort();
    rmSync(runFolder, { recursive: true, force: true });
    if (leftovers.length > 0) {
      // Vitest only logs an error thrown here; the exit code is what fails CI.
      process.exitCode = 1;
      throw new Error(
        `the tests left ${leftovers.length} entr${leftovers.length === 1 ? 'y' : 'ies'} in the temp folder (removed now; ` +
          `clean up with onTestFinished or afterAll, or use makeSite/temporaryFolder from test/helpers.ts):\n  ${leftovers.join('\n  ')}`,
      );
    }
  };
}
