import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The speed tricks sit behind one module: outside src/markdown/fast/, only its index is imported. */
describe('src/markdown/fast/', () => {
  it('is imported through its index only', () => {
    const fastDir = path.resolve('src/markdown/fast');
    const reachingIn: string[] = [];
    for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
      const full = path.resolve('src', file);
      if (!file.endsWith('.ts') || full.startsWith(fastDir + path.sep)) continue;
      for (const [, specifier] of readFileSync(full, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = path.resolve(path.dirname(full), specifier!);
        if (target.startsWith(fastDir + path.sep) && target !== path.join(fastDir, 'index.ts')) reachingIn.push(`${file} → ${specifier}`);
      }
    }
    expect(reachingIn).toEqual([]);
  });
});
