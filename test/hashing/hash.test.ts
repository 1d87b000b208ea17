import { describe, expect, it } from 'vitest';
import { hashOf, integrityChecksum, quickDigest } from '../../src/hashing/hash.ts';

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

describe('integrityChecksum', () => {
  it('is CRC-32 of the UTF-8 text, as eight hex digits', () => {
    expect(integrityChecksum('123456789')).toBe('cbf43926');
    expect(integrityChecksum('')).toBe('00000000');
    // The bytes C3 A9, not the single code unit E9.
    expect(integrityChecksum('é')).toBe('0e048d3e');
  });

  it('changes when one character does', () => {
    expect(integrityChecksum('{"title":"Users"}')).not.toBe(integrityChecksum('{"title":"Usees"}'));
  });
});
