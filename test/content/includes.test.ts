import { describe, expect, it } from 'vitest';
import { partialNames } from '../../src/content/includes.ts';

describe('partialNames', () => {
  it('finds quoted include, render and layout names', () => {
    expect(partialNames(`{% include "a" %} {%- render 'b', x: 1 %} {% layout "c" %} {% raw %}x{% endraw %}`)).toEqual(['a.liquid', 'b.liquid', 'c.liquid']);
  });
});
