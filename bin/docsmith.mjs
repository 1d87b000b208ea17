#!/usr/bin/env node
// docsmith's command line: runs the compiled copy of src/cli.ts (see compile.mjs for why).
// Node's options for a build are set here, the one place, so that it runs the same however
// it is started: npm scripts, `npx docsmith`, `node bin/docsmith.mjs`.
import { setFlagsFromString } from 'node:v8';
import { compiledEntry } from './compile.mjs';
import { hasStartOptions, START_OPTIONS } from './relaunch.mjs';

// V8 reads START_OPTIONS only as it starts: without them, Node is started again with them.
if (await hasStartOptions(START_OPTIONS)) {
  // V8 lets a heap's old generation grow to up to four times what survived the last full
  // collection before collecting again. A build's heaps hold little for long (each worker
  // keeps its engines; a page's trees die with the page), so that headroom is mostly garbage:
  // twice is enough, and peak memory drops by a fifth at no measurable cost in time
  // (bench/results.md). Flags are per process, so the render workers get it too.
  setFlagsFromString('--heap-growing-percent=100');
  await import(await compiledEntry('cli'));
}
