import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Set by bin/compile.mjs when it compiles docsmith to JavaScript for the command line;
 * absent when docsmith runs from its TypeScript sources (tests, `tsx src/cli.ts`).
 */
declare const DOCSMITH_COMPILED: { packageRoot: string } | undefined;

const compiled = typeof DOCSMITH_COMPILED === 'undefined' ? undefined : DOCSMITH_COMPILED;

/** Whether this is the compiled copy: its modules sit in a cache folder, not in src/. */
export const COMPILED = compiled !== undefined;

/** The folder holding docsmith's package.json and its theme (templates/). */
export const PACKAGE_ROOT = compiled ? compiled.packageRoot : fileURLToPath(new URL('..', import.meta.url));

/**
 * Which code this is, for the render cache's keys: the compiled copy's folder is named by a
 * hash of every source compiled into it (bin/compile.mjs), so pages rendered by other code,
 * older or newer, are never read as this code's. From the TypeScript sources (tests, bench
 * scripts) it is only "source": their caches live in throwaway folders.
 */
export const CODE_ID = compiled ? path.basename(path.dirname(fileURLToPath(import.meta.url))) : 'source';
