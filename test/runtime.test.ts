import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledRuntime } from '../bin/compile.mjs';
import { CODE_ID, PACKAGE_ROOT, WORKER_URL } from '../src/runtime.ts';

describe('src/runtime.ts, run from the sources (as tests and bench scripts run it)', () => {
  it('starts render workers from the bundle compiled from these sources, and keys the render cache on it', async () => {
    const bundle = await compiledRuntime();
    expect(fileURLToPath(WORKER_URL)).toBe(path.join(bundle, 'worker.mjs'));
    expect(existsSync(WORKER_URL)).toBe(true);
    expect(CODE_ID).toBe(path.basename(bundle));
    expect(CODE_ID).toMatch(/^[0-9a-f]{20}$/);
  });

  it('finds the package at the checkout’s root', () => {
    expect(path.resolve(PACKAGE_ROOT)).toBe(path.resolve('.'));
  });
});
