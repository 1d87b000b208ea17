import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.ts';
import { RenderedContents } from '../../src/render/contents.ts';
import { createRenderEngines } from '../../src/render/engines.ts';
import type { TemplateSet } from '../../src/template/templates.ts';

const templates: TemplateSet = { sources: { 'layout.liquid': '{{ content | raw }}' }, files: {}, assets: {} };
const setup = { config: defaultConfig, templates };
const jobs = Array.from({ length: 10 }, (_, i) => ({
  page: { file: `content/p${i}.md`, contentPath: `p${i}.md`, url: `/p${i}/`, outputPath: `p${i}/index.html` },
  source: `# Page ${i}`,
  sourceKey: `key-${i}`,
}));
const contents = () => new RenderedContents({ jobs, setup, cache: undefined, engines: async () => createRenderEngines(templates) });

describe('RenderedContents.render', () => {
  it('hands every page on in job order, whether the receiver takes it at once or needs a moment', async () => {
    const handed: number[] = [];
    await contents().render({ pool: () => undefined, onContent: (index) => (handed.push(index), index % 3 === 0 ? new Promise<void>((resolve) => setTimeout(resolve, 1)) : undefined) });
    expect(handed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stops rendering once a page cannot be handed on, and fails with that error', async () => {
    const made = contents();
    const handed: number[] = [];
    const failing = made.render({
      pool: () => undefined,
      onContent: (index) => {
        handed.push(index);
        if (index === 2) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(handed).toEqual([0, 1, 2]);
    expect(made.rendered).toBe(3);
  });
});
