import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchSite } from '../../src/dev/watch.ts';
import { eventually, makeSite } from '../helpers.ts';

describe('watchSite', () => {
  it('tells of a change at once, before the pause that gathers a save’s events ends and the batch runs', async () => {
    const root = makeSite({ 'content/index.md': '# Home\n' });
    const seen: string[] = [];
    const watcher = await watchSite(
      root,
      async (files) => void seen.push(`batch ${files.join(',')}`),
      () => {},
      () => seen.push('change'),
    );
    try {
      writeFileSync(path.join(root, 'content/index.md'), '# Home, edited\n');
      await eventually(async () => expect(seen).toContain('batch content/index.md'));
      expect(seen[0]).toBe('change');
      // Files outside content/, templates/ and site.config.ts are not the site's.
      writeFileSync(path.join(root, 'notes.txt'), 'x');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.filter((event) => event.startsWith('batch'))).toEqual(['batch content/index.md']);
    } finally {
      await watcher.close();
    }
  });
});
