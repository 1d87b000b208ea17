import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/schema.ts';
import { createRenderEngines } from '../../src/render/engines.ts';
import { renderContent } from '../../src/render/page.ts';
import { RenderPool, type RenderJob, type RenderOutcome } from '../../src/render/pool.ts';
import type { TemplateSet } from '../../src/template/templates.ts';

const templates: TemplateSet = { sources: { 'layout.liquid': '<title>{{ page.title }}</title>{{ content | raw }}' }, files: {}, assets: {} };
const setup = { config: { ...defaultConfig, metadata: { v: '1.0' } }, templates };
const page = (name: string) => ({ file: `content/${name}.md`, contentPath: `${name}.md`, url: `/${name}/`, outputPath: `${name}/index.html` });
const pools: RenderPool[] = [];
/** Results by job, however they arrived. */
async function renderAllOn(pool: RenderPool, jobs: RenderJob[]): Promise<RenderOutcome[]> {
  const results: RenderOutcome[] = [];
  await pool.renderAll(setup, jobs, (index, outcome) => (results[index] = outcome));
  return results;
}
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

describe('RenderPool', () => {
  it('renders exactly the content the same page renders in this thread, in job order', async () => {
    const pool = new RenderPool({ size: 2 });
    pools.push(pool);
    const jobs = ['a', 'b', 'c'].map((name) => ({ page: page(name), source: `# ${name} {{ page.metadata.v }}\n\n[x](./a.md)\n` }));
    const results = await renderAllOn(pool, jobs);
    const engines = createRenderEngines(templates);
    expect(results).toEqual(jobs.map((job) => renderContent({ ...job, ...setup }, engines)));
  });

  it('stops a page that runs past the time limit, reports it, and renders the rest on a new worker', async () => {
    // The limit counts from when the page is sent, after the worker has started.
    const pool = new RenderPool({ size: 1, timeLimitMs: 1_000 });
    pools.push(pool);
    // A very large table: several seconds of work on any machine.
    const slow = `| a |\n|---|\n${'| x |\n'.repeat(300_000)}`;
    const results = await renderAllOn(pool, [{ page: page('slow'), source: slow }, { page: page('after'), source: '# After' }]);
    expect(results[0]!.diagnostics).toEqual([
      { file: 'content/slow.md', line: 1, column: 1, severity: 'error', message: 'rendering took longer than 1 s and was stopped', rule: 'render/timeout' },
    ]);
    expect(results[0]!.failed).toBe(true);
    expect(results[1]!.content).toContain('<h1 id="after">After');
  });

  it('is not confused by answers left over from a run that failed while pages were queued', async () => {
    const pool = new RenderPool({ size: 1 });
    pools.push(pool);
    const jobs = (prefix: string) => ['a', 'b', 'c', 'd'].map((name) => ({ page: page(name), source: `# ${prefix} ${name}` }));
    const failing = pool.renderAll(setup, jobs('old'), () => {
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    // The worker still holds the failed run's queued page; its answer must not count as the new run's.
    const results = await renderAllOn(pool, jobs('new'));
    expect(results.map((result) => /<h1[^>]*>([^<]*)/.exec(result.content)?.[1])).toEqual(['new a', 'new b', 'new c', 'new d']);
  });

  it('sends no more pages once the run says it has stopped, and finishes those already sent', async () => {
    const pool = new RenderPool({ size: 1 });
    pools.push(pool);
    const jobs = Array.from({ length: 20 }, (_, i) => ({ page: page(`p${i}`), source: `# Page ${i}` }));
    const arrived: number[] = [];
    await pool.renderAll(setup, jobs, (index) => arrived.push(index), () => arrived.length > 0);
    // The first page and the one queued behind it, no more.
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.length).toBeLessThan(jobs.length);
  });
});
