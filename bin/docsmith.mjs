#!/usr/bin/env node
// docsmith's command line: runs the compiled copy of src/cli.ts (see compile.mjs for why).
// Node's options for a build are set here, the one place, so that it runs the same however
// it is started: npm scripts, `npx docsmith`, `node bin/docsmith.mjs`.
import { setFlagsFromString } from 'node:v8';
import { compiledEntry } from './compile.mjs';
import { hasStartOptions } from './relaunch.mjs';

// --single-threaded-gc: V8's helper threads marking and scavenging for three heaps took CPU
// from the render workers on a two-core machine, and the workers' own threads do it with
// less overhead (4,000 pages: 38.4 → 35.8 s of CPU, a tenth more peak memory; README,
// Performance). V8 reads it only as it starts: without it, Node is started again with it.
if (await hasStartOptions(['--single-threaded-gc'])) {
  // V8 lets a heap's old generation grow to up to four times what survived the last full
  // collection before collecting again. A build's heaps hold little for long (each worker
  // keeps its engines; a page's trees die with the page), so that headroom is mostly garbage:
  // twice is enough, and peak memory drops by a fifth at no measurable cost in time
  // (bench/results.md). Flags are per process, so the render workers get it too.
  setFlagsFromString('--heap-growing-percent=100');
  await import(await compiledEntry('cli'));
}
