import { describe, expect, it } from 'vitest';
import { hashOf, quickDigest } from '../../src/hashing/hash.ts';

describe('hashOf', () => {
  it('does not confuse where one part ends and the next begins', () => {
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
    expect(hashOf('a', 'b')).toBe(hashOf('a', 'b'));
  });
});

describe('quickDigest', () => {
  it('gives text and its UTF-8 bytes the same digest', () => {
    expect(quickDigest('é')).toBe(quickDigest(new TextEncoder().encode('é')));
    expect(quickDigest('a')).not.toBe(quickDigest('b'));
  });
});
