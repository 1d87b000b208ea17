import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/content/decode.ts';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeUtf8', () => {
  it('decodes UTF-8, keeping a BOM for the caller to strip', () => {
    expect(decodeUtf8(bytes('caf', [0xc3, 0xa9]))).toEqual({ text: 'café' });
  });
  it('points at a Latin-1 byte by line and column', () => {
    expect(decodeUtf8(bytes('# Title\r\ncaf', [0xe9], ' au lait')).invalid).toEqual({ line: 2, column: 4, byte: 0xe9 });
  });
  it('points at the lead byte of a sequence cut short by the next byte', () => {
    expect(decodeUtf8(bytes('ab', [0xe2, 0x82], 'c')).invalid).toEqual({ line: 1, column: 3, byte: 0xe2 });
  });
  it('points at a stray continuation byte itself', () => {
    expect(decodeUtf8(bytes('ab', [0x80])).invalid).toEqual({ line: 1, column: 3, byte: 0x80 });
  });
});
