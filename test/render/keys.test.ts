import { describe, expect, it } from 'vitest';
import { RenderKeys } from '../../src/render/keys.ts';

describe('RenderKeys', () => {
  it('gives the same key for the same inputs and a new one when any input changes', () => {
    const keys = new RenderKeys();
    const first = keys.source('a.md', '# A', 'config-1', 'templates-1');
    expect(keys.source('a.md', '# A', 'config-1', 'templates-1')).toBe(first);
    expect(keys.source('a.md', '# A edited', 'config-1', 'templates-1')).not.toBe(first);
    expect(keys.source('a.md', '# A', 'config-2', 'templates-1')).not.toBe(first);
    expect(keys.source('b.md', '# A', 'config-1', 'templates-1')).not.toBe(first);
  });
});
