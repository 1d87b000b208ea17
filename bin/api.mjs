// @ts-check
// docsmith's API (`import { build } from 'docsmith'`): the compiled copy of src/index.ts, the
// same runtime the command line and the render workers run (see compile.mjs). Its types are
// src/index.ts's, as declarations in types/ (written by prepack) for an installed package
// (package.json's `exports`); test/bin/api.test.ts keeps these names in step with it.
import { compiledEntry } from './compile.mjs';

/** @type {typeof import('../src/index.ts')} */
const api = await import(await compiledEntry('api'));

export const { build, defineConfig, DiskWriter, MemoryWriter, formatDiagnostics, renderPage } = api;
