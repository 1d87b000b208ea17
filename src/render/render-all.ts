import type { Liquid } from 'liquidjs';
import type { PageSource } from '../content/discover.ts';
import type { RenderEngines } from './engines.ts';
import { layoutPage, renderContent, type PageContent, type RenderedPage } from './page.ts';
import type { RenderCache } from './cache.ts';
import type { RenderPool, RenderSetup } from './pool.ts';

export interface PageJob {
  page: PageSource;
  source: string;
  /** Hash of everything the content depends on: source, config, included templates, generator. */
  contentKey: string;
  /** `contentKey` plus the layout's templates and the sidebar. */
  pageKey: string;
}

export interface RenderAllInput {
  jobs: readonly PageJob[];
  setup: RenderSetup;
  cache: RenderCache | undefined;
  /** The pool for this many misses, or `undefined` to render them in this thread. */
  pool: (misses: number) => RenderPool | undefined;
  /** The full engines, made on first need: a build whose pages all hit the cache never loads Shiki. */
  engines: () => Promise<RenderEngines>;
  /** Enough to apply a layout. */
  layoutLiquid: Liquid;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface RenderAllResult {
  pages: RenderedPage[];
  /** Pages whose content was rendered (cache misses). */
  rendered: number;
  /** Pages whose content came from the cache but whose layout was applied again. */
  laidOut: number;
}

/** Results that say more about the machine than the page are not cached. */
const UNCACHEABLE = new Set(['render/timeout', 'render/crash']);
const cacheable = (page: { diagnostics: ReadonlyArray<{ rule: string }> }) => !page.diagnostics.some((d) => UNCACHEABLE.has(d.rule));

/**
 * Renders every page, doing as little as the cache allows: a whole-page hit costs a
 * lookup, a content hit only a layout pass (what a new sidebar entry needs), and only
 * misses are rendered, on the pool when there is one.
 */
export async function renderAll(input: RenderAllInput): Promise<RenderAllResult> {
  const { jobs, setup, cache } = input;
  const pages = new Array<RenderedPage>(jobs.length);
  const misses: number[] = [];
  let done = 0;
  let laidOut = 0;
  const progress = () => input.onProgress?.(++done, jobs.length);

  for (const [index, job] of jobs.entries()) {
    const hit = cache?.get<RenderedPage>(job.pageKey);
    if (hit) {
      pages[index] = hit;
      progress();
      continue;
    }
    const content = cache?.get<PageContent>(job.contentKey);
    if (content) {
      pages[index] = layoutPage(content, setup, input.layoutLiquid);
      cache?.set(job.pageKey, pages[index]);
      laidOut++;
      progress();
      continue;
    }
    misses.push(index);
  }

  if (misses.length > 0) {
    const missJobs = misses.map((index) => ({ source: jobs[index]!.source, page: jobs[index]!.page }));
    const pool = input.pool(misses.length);
    const results = pool ? await pool.renderAll(setup, missJobs, progress) : renderHere(missJobs, setup, await input.engines(), progress);
    results.forEach(({ content, page }, i) => {
      const job = jobs[misses[i]!]!;
      pages[misses[i]!] = page;
      if (cache && cacheable(page)) {
        if (content) cache.set(job.contentKey, content);
        cache.set(job.pageKey, page);
      }
    });
  }
  return { pages, rendered: misses.length, laidOut };
}

function renderHere(jobs: ReadonlyArray<{ source: string; page: PageSource }>, setup: RenderSetup, engines: RenderEngines, progress: () => void) {
  return jobs.map((job) => {
    const content = renderContent({ ...job, config: setup.config, templates: setup.templates }, engines);
    const page = layoutPage(content, setup, engines.layoutLiquid);
    progress();
    return { content, page };
  });
}
