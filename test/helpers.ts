import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished, TestRunner } from 'vitest';
import { build, type BuildOptions } from '../src/build/index.ts';
import { MemoryWriter } from '../src/output/writer.ts';

/**
 * A new folder in the OS temp folder, named `docsmith-<prefix>-…`. Made inside a test (or its
 * beforeEach), it is removed when the test finishes; made in a beforeAll or at a file's top
 * level, the file removes it in afterAll. A run that leaves anything fails, naming it
 * (test/global-setup.ts).
 */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), `docsmith-${prefix}-`));
  if (TestRunner.getCurrentTest() !== undefined) onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes a throwaway site from a map of relative paths to file contents (removed as `temporaryFolder` says). */
export function makeSite(files: Record<string, string>): string {
  const root = temporaryFolder('site');
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** Copies a fixture to a temp folder, so a build can never write into the repo (removed as `temporaryFolder` says). */
export function copySite(fixture: string): string {
  const root = temporaryFolder('fixture');
  cpSync(fixture, root, { recursive: true });
  return root;
}

/** Builds a site into memory; `html` holds every page's HTML by file, also when the build failed (and wrote nothing). */
export async function buildInMemory(root: string, options: Partial<BuildOptions> = {}) {
  const writer = new MemoryWriter();
  const html = new Map<string, string | undefined>();
  const result = await build({ root, writer, ...options, onPage: (page) => html.set(page.file, page.html) });
  return { ...result, writer, html };
}

/** Polls until `check` passes: for what a file watcher reports a moment later. */
export async function eventually(check: () => Promise<void>, ms = 3000): Promise<void> {
  const deadline = performance.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** The command line, as `npm run build` runs it (compiled to JavaScript on first start). */
export const CLI = path.resolve('bin/docsmith.mjs');

/** Runs the CLI in a child process; a non-zero exit is returned, not thrown. */
export async function docsmith(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
