import { describe, expect, it } from 'vitest';
import { findExcessiveNesting, MAX_NESTING } from '../../src/markdown/nesting.ts';

describe('findExcessiveNesting', () => {
  it('finds the line that nests too deep', () => {
    expect(findExcessiveNesting(`ok\n${'>'.repeat(3000)} a`)).toMatchObject({ offset: 3 });
    expect(findExcessiveNesting(`${'- '.repeat(1000)}a`)).toMatchObject({ offset: 0 });
    expect(findExcessiveNesting(`${'1. '.repeat(MAX_NESTING + 1)}a`)).toBeDefined();
  });
  it('lets ordinary nesting through', () => {
    expect(findExcessiveNesting(`${'> '.repeat(MAX_NESTING)}a\n- - - \n---\n`)).toBeUndefined();
  });
});
