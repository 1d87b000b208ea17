/**
 * Which code is running, and where its compiled runtime is. docsmith runs one way: src/
 * compiled by bin/compile.mjs into one bundle (command line, API, render workers). Tests and
 * bench scripts import src/ directly in the main thread; their render workers still run
 * the bundle, compiled here from the same sources if they changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Set by bin/compile.mjs in the bundle; absent in the TypeScript sources. */
declare const DOCSMITH_COMPILED: { packageRoot: string } | undefined;

const compiled = typeof DOCSMITH_COMPILED === 'undefined' ? undefined : DOCSMITH_COMPILED;

/** The folder holding docsmith's package.json and its theme (templates/). */
export const PACKAGE_ROOT = compiled ? compiled.packageRoot : fileURLToPath(new URL('..', import.meta.url));

/** docsmith's version (package.json), read once: in every cache key, and in each page's `<meta name="generator">`. */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The bundle's folder: this module's own when compiled; from the sources, the bundle compiled from them. */
const RUNTIME_DIR = compiled ? path.dirname(fileURLToPath(import.meta.url)) : await compileSources();

/**
 * Which code this is, for the render cache's keys: the bundle's folder is named by a hash of
 * every source compiled into it, so pages rendered by other code, older or newer, are never
 * read as this code's. From the sources it is the bundle of those same sources, so the main
 * thread and its workers agree, and an edit to src/ changes the keys there too.
 */
export const CODE_ID = path.basename(RUNTIME_DIR);

/** The render worker's entry (src/render/worker.ts, compiled), which src/render/pool.ts starts. */
export const WORKER_URL = pathToFileURL(path.join(RUNTIME_DIR, 'worker.mjs'));

/** The file-writing thread's entry (src/output/write-thread.ts, compiled), which src/output/threaded-writes.ts starts. */
export const WRITER_URL = pathToFileURL(path.join(RUNTIME_DIR, 'writer.mjs'));

/** The public API's entry (src/index.ts, compiled): what `'docsmith'` means in a site's config. */
export const API_URL = pathToFileURL(path.join(RUNTIME_DIR, 'api.mjs'));

async function compileSources(): Promise<string> {
  // By a computed URL, so that esbuild leaves the compiler out of the bundle it makes.
  const compiler = pathToFileURL(path.join(PACKAGE_ROOT, 'bin', 'compile.mjs')).href;
  const { compiledRuntime } = (await import(compiler)) as typeof import('../bin/compile.mjs');
  return compiledRuntime();
}
