import type { Liquid } from 'liquidjs';
import type { PageSource } from '../content/discover.ts';
import type { RenderEngines } from './engines.ts';
import { layoutPage, renderContent, type PageContent, type PageRecord, type RenderedPage } from './page.ts';
import type { RenderCache } from './cache.ts';
import type { RenderOutcome, RenderPool, RenderSetup } from './pool.ts';

export interface PageJob {
  page: PageSource;
  source: string;
  /** Hash of everything the content depends on: source, config, included templates, generator. */
  contentKey: string;
  /** `contentKey` plus the layout's templates and the sidebar: everything the page's HTML depends on. */
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
  /**
   * Whether the output already holds this page as rendered under its page key (the
   * writer keeps it): then only its record is needed, from the cache, and no HTML is made.
   */
  reuse?: ((job: PageJob) => boolean) | undefined;
  /**
   * Receives every page, in job order (what makes the search index the same whatever the
   * workers' timing): its record, HTML and body HTML before the layout (none when it
   * failed, or when `reused`). Nothing keeps the HTML after.
   */
  onPage: (record: PageRecord, html: string | undefined, job: PageJob, reused: boolean, body?: string) => void;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface RenderAllResult {
  /** Every page's record, in job order. */
  pages: PageRecord[];
  /** Pages whose content was rendered (cache misses). */
  rendered: number;
  /** Pages whose content came from the cache but whose layout was applied again. */
  laidOut: number;
  /** Pages the output already held: neither rendered nor laid out. */
  reused: number;
}

/** Results that say more about the machine than the page are not cached. */
const UNCACHEABLE = new Set(['render/timeout', 'render/crash']);
const cacheable = (page: { diagnostics: ReadonlyArray<{ rule: string }> }) => !page.diagnostics.some((d) => UNCACHEABLE.has(d.rule));

type Plan = { kind: 'reuse'; record: PageRecord } | { kind: 'layout'; content: PageContent } | { kind: 'render'; miss: number };

/**
 * Renders every page, doing as little as the cache and the output allow: a page the
 * output already holds costs a record lookup, a content hit only a layout pass (what a
 * new sidebar entry needs), and only misses are rendered, on the pool when there is
 * one. Pages are handed on one at a time as they are made, so no site's HTML is held
 * whole (cached content waiting for its layout pass is: it is read up front, to know
 * which pages are misses and start the pool on them at once).
 */
export async function renderAll(input: RenderAllInput): Promise<RenderAllResult> {
  const { jobs, setup, cache } = input;
  const missJobs: Array<{ source: string; page: PageSource }> = [];
  const plans = jobs.map((job): Plan => {
    const record = cache?.get<PageRecord>(job.pageKey);
    if (record && input.reuse?.(job)) return { kind: 'reuse', record };
    const content = cache?.get<PageContent>(job.contentKey);
    if (content) return { kind: 'layout', content };
    missJobs.push({ source: job.source, page: job.page });
    return { kind: 'render', miss: missJobs.length - 1 };
  });

  // Misses render on the pool while this thread lays out and hands on the others.
  const pool = missJobs.length > 0 ? input.pool(missJobs.length) : undefined;
  const arrivals = pool ? startRendering(pool, setup, missJobs) : undefined;
  const engines = missJobs.length > 0 && !pool ? await input.engines() : undefined;

  const pages = new Array<PageRecord>(jobs.length);
  const counts = { rendered: missJobs.length, laidOut: 0, reused: 0 };
  try {
    for (const [index, job] of jobs.entries()) {
      const plan = plans[index]!;
      let page: RenderedPage;
      let content: PageContent | undefined;
      if (plan.kind === 'reuse') {
        counts.reused++;
        pages[index] = plan.record;
        input.onPage(plan.record, undefined, job, true);
        input.onProgress?.(index + 1, jobs.length);
        continue;
      }
      if (plan.kind === 'layout') {
        counts.laidOut++;
        content = plan.content;
        page = layoutPage(content, setup, input.layoutLiquid);
      } else {
        const outcome = arrivals ? await arrivals.next(plan.miss) : renderHere(missJobs[plan.miss]!, setup, engines!);
        page = outcome.page;
        content = outcome.content;
        if (content && cacheable(page)) cache?.set(job.contentKey, content);
      }
      const record = recordOf(page);
      if (cacheable(page)) cache?.set(job.pageKey, record);
      pages[index] = record;
      input.onPage(record, page.html, job, false, content?.content);
      input.onProgress?.(index + 1, jobs.length);
    }
  } finally {
    await arrivals?.done;
  }
  return { pages, ...counts };
}

/** A page without its HTML: what is cached under its page key and kept for the site-wide checks. */
function recordOf(page: RenderedPage): PageRecord {
  const { html: _html, ...record } = page;
  return record;
}

function renderHere(job: { source: string; page: PageSource }, setup: RenderSetup, engines: RenderEngines): RenderOutcome {
  const content = renderContent({ ...job, config: setup.config, templates: setup.templates }, engines);
  return { content, page: layoutPage(content, setup, engines.layoutLiquid) };
}

/**
 * Starts the pool on the misses and hands results out by miss number, whatever order
 * they finish in; a result is dropped as soon as it is taken.
 */
function startRendering(pool: RenderPool, setup: RenderSetup, jobs: ReadonlyArray<{ source: string; page: PageSource }>) {
  const waiting = new Map<number, { resolve: (outcome: RenderOutcome) => void; reject: (error: unknown) => void }>();
  const arrived = new Map<number, RenderOutcome>();
  let failure: { error: unknown } | undefined;
  const done = pool
    .renderAll(setup, jobs, (miss, outcome) => {
      const waiter = waiting.get(miss);
      if (waiter) {
        waiting.delete(miss);
        waiter.resolve(outcome);
      } else arrived.set(miss, outcome);
    })
    .catch((error: unknown) => {
      failure = { error };
      for (const waiter of waiting.values()) waiter.reject(error);
      waiting.clear();
    });
  return {
    done,
    next(miss: number): Promise<RenderOutcome> {
      const outcome = arrived.get(miss);
      if (outcome) {
        arrived.delete(miss);
        return Promise.resolve(outcome);
      }
      if (failure) return Promise.reject(failure.error);
      return new Promise((resolve, reject) => waiting.set(miss, { resolve, reject }));
    },
  };
}
