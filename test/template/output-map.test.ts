import { describe, expect, it } from 'vitest';
import { OutputMap } from '../../src/template/output-map.ts';

describe('OutputMap', () => {
  it('maps literal text one to one and a placeholder to its start', () => {
    // source: "ab{{ x }}cd" → output "abVALUEcd"
    const map = new OutputMap();
    map.add(0, 0, 2, true);
    map.add(2, 2, 9, false);
    map.add(7, 9, 11, true);
    expect([0, 1, 2, 5, 7, 8].map((o) => map.toSource(o))).toEqual([0, 1, 2, 2, 9, 10]);
  });

  it('is the identity for untemplated text', () => {
    expect(OutputMap.identity(10).toSource(7)).toBe(7);
  });
});
