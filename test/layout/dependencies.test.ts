import { describe, expect, it } from 'vitest';
import { TemplateHasher, templateClosure } from '../../src/layout/dependencies.ts';
import type { TemplateSet } from '../../src/template/templates.ts';

const set = (sources: Record<string, string>): TemplateSet => ({ sources, files: {}, assets: {} });

describe('templateClosure and TemplateHasher', () => {
  const templates = set({ 'layout.liquid': '{% include "partials/head" %}', 'wide.liquid': 'wide', 'partials/head.liquid': '{% include "partials/meta" %}', 'partials/meta.liquid': 'meta' });

  it('follows includes transitively', () => {
    expect(templateClosure(templates, ['layout.liquid'])).toEqual(['layout.liquid', 'partials/head.liquid', 'partials/meta.liquid']);
  });

  it('changes a hash only when a template in the closure changes', () => {
    const before = new TemplateHasher(templates);
    const after = new TemplateHasher(set({ ...templates.sources, 'partials/meta.liquid': 'meta v2' }));
    expect(after.hash(['layout.liquid'])).not.toBe(before.hash(['layout.liquid']));
    expect(after.hash(['wide.liquid'])).toBe(before.hash(['wide.liquid']));
  });
});
