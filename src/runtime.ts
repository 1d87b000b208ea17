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
