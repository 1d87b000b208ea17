/**
 * One docsmith build in this thread, for profiling: no worker pool (V8 writes no
 * profile for terminated workers), no cache, search index on or off.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-build.ts --root SITE [--search] [--workers N]
 *   tsx bench/profile-summary.ts /tmp/prof/*.cpuprofile
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../src/build/index.ts';
import { DiskWriter } from '../src/output/writer.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, search: { type: 'boolean', default: false }, workers: { type: 'string', default: '0' } } });
if (!values.root) throw new Error('usage: profile-build.ts --root SITE [--search] [--workers N]');
const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'docsmith-profile-')), 'dist');
const started = performance.now();
const result = await build({ root: path.resolve(values.root), writer: new DiskWriter(out), workers: Number(values.workers), search: values.search });
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.error(`${result.pages.length} pages in ${seconds}s (workers: ${values.workers}, search: ${values.search}), ${result.diagnostics.length} problems`);
rmSync(path.dirname(out), { recursive: true, force: true });
