#!/usr/bin/env node
// docsmith's command line: runs the compiled copy of src/cli.ts (see compile.mjs for why).
import { setFlagsFromString } from 'node:v8';
import { compiledEntry } from './compile.mjs';

// V8 lets a heap's old generation grow to up to four times what survived the last full
// collection before collecting again. A build's heaps hold little for long (each worker
// keeps its engines; a page's trees die with the page), so that headroom is mostly garbage:
// twice is enough, and peak memory drops by a fifth at no measurable cost in time
// (bench/results.md). Flags are per process, so the render workers get it too.
setFlagsFromString('--heap-growing-percent=100');
// The npm scripts also start Node with --single-threaded-gc: V8's helper threads marking and
// scavenging for three heaps took CPU from the render workers on a two-core machine, and
// the workers' own threads do it with less overhead (4000 pages: 25.3 s → 23.4 s, a tenth more
// peak memory). That flag cannot be set from here: it must be there when V8 starts.

await import(await compiledEntry('cli'));
