import { Worker } from 'node:worker_threads';
import { WORKER_URL } from '../runtime.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { SiteVariant } from '../config/variants.ts';
import type { PageSource } from '../content/discover.ts';
import type { TemplateSet } from '../template/templates.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { failedPage, type PageContent } from './page.ts';

/**
 * What every page's content shares, sent to each worker once per config and theme.
 * The sidebar is not part of it: it is made from the rendered pages, so workers render
 * content only and the layout is applied once every title is known.
 */
export interface RenderSetup {
  config: SiteConfig;
  templates: TemplateSet;
  /** The variant rendered, on a site with variants: `config` then has its metadata. */
  variant?: SiteVariant | undefined;
}

export interface RenderJob {
  source: string;
  page: PageSource;
}

/** A setup leaves out the templates when the worker has them already (a site's variants share them, and the engines made from them). */
export type WorkerRequest = ({ type: 'setup' } & Omit<RenderSetup, 'templates'> & { templates?: TemplateSet | undefined }) | ({ type: 'render'; id: number } & RenderJob);
/** A page's rendered content (failed, with the reason, when its worker crashed or ran out of time). */
export type RenderOutcome = PageContent;

export type WorkerResponse = { type: 'ready' } | { type: 'done'; id: number; result: RenderOutcome } | { type: 'failed'; id: number; message: string };

export interface PoolOptions {
  /** How many workers; the build sizes it to the cores and the work. */
  size: number;
  /** A page that takes longer is stopped (its worker is replaced) and reported. @default 10000 */
  timeLimitMs?: number;
}

interface Slot {
  worker: Worker;
  /** The setup this worker has applied, by identity. */
  setup: RenderSetup | undefined;
}

/**
 * Renders pages on worker threads. Rendering is CPU-bound and pure, so pages spread
 * across cores with no shared state; a page that hangs or crashes its worker costs
 * that page alone: the worker is replaced and the page reported.
 */
export class RenderPool {
  private readonly slots: Slot[] = [];
  private readonly timeLimitMs: number;
  private nextId = 0;

  constructor(private readonly options: PoolOptions) {
    this.timeLimitMs = options.timeLimitMs ?? 10_000;
    for (let i = 0; i < options.size; i++) this.slots.push(newSlot());
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Renders every job, handing each result to `onResult` as soon as it arrives (in
   * whatever order the workers finish), so no result is held longer than it takes to write;
   * or, once `stopped()` is true, no more.
   */
  async renderAll(setup: RenderSetup, jobs: readonly RenderJob[], onResult: (index: number, outcome: RenderOutcome) => void, stopped?: () => boolean): Promise<void> {
    let next = 0;
    // Once `stopped` says so (the run failed), no page is sent; those on the workers finish.
    const take = () => (next < jobs.length && !stopped?.() ? next++ : undefined);
    await Promise.all(this.slots.map((slot) => this.drain(slot, setup, jobs, take, onResult)));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }

  /** Keeps one slot's worker busy until no job is left, on a new worker after a page stops one. */
  private async drain(slot: Slot, setup: RenderSetup, jobs: readonly RenderJob[], take: () => number | undefined, onResult: ResultHandler): Promise<void> {
    // Jobs sent to this slot and not finished, oldest first: sent again to a new worker.
    const queued: number[] = [];
    let replaced = true;
    while (replaced) {
      if (slot.setup !== setup) await this.applySetup(slot, setup);
      replaced = await this.stream(slot, jobs, queued, take, onResult);
    }
  }

  /**
   * Streams jobs through one worker, keeping a page queued behind the one it renders, so it
   * starts the next page at once instead of waiting for this thread to hand it one (this
   * thread may be writing a file). Resolves false when no job is left, true when a page
   * stopped the worker (crashed it or ran out of time): that page is reported and the
   * slot holds a new worker, to which the caller sends the rest of `queued`.
   */
  private stream(slot: Slot, jobs: readonly RenderJob[], queued: number[], take: () => number | undefined, onResult: ResultHandler): Promise<boolean> {
    const { worker } = slot;
    // Ids are unique to the pool, so an answer left over from an abandoned run never
    // passes for one of this run's pages.
    const ids: number[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    return new Promise((resolve, reject) => {
      const send = (index: number) => {
        const id = this.nextId++;
        ids.push(id);
        worker.postMessage({ type: 'render', id, ...jobs[index]! } satisfies WorkerRequest);
      };
      const fill = () => {
        while (queued.length <= PAGES_AHEAD) {
          const index = take();
          if (index === undefined) break;
          queued.push(index);
          send(index);
        }
      };
      // The time limit is the oldest page's, counted from when the worker turned to it.
      const startClock = () => {
        clearTimeout(timer);
        timer = queued.length > 0 ? setTimeout(() => stop(`rendering took longer than ${this.timeLimitMs / 1000} s and was stopped`, 'render/timeout'), this.timeLimitMs) : undefined;
      };
      const finish = (result: boolean | Error) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (result instanceof Error) reject(result);
        else resolve(result);
      };
      const hand = (index: number, outcome: RenderOutcome, last: boolean | undefined) => {
        try {
          onResult(index, outcome);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (last !== undefined) finish(last);
      };
      const stop = (message: string, rule: RuleId) => {
        const index = queued.shift()!;
        void worker.terminate();
        Object.assign(slot, newSlot());
        hand(index, failedPage(jobs[index]!.page, message, rule), true);
      };
      const onMessage = (message: WorkerResponse) => {
        if (message.type === 'ready' || message.id !== ids[0]) return;
        ids.shift();
        const index = queued.shift()!;
        fill();
        startClock();
        const outcome = message.type === 'done' ? message.result : failedPage(jobs[index]!.page, `rendering failed: ${message.message}`, 'render/crash');
        hand(index, outcome, queued.length === 0 ? false : undefined);
      };
      const onError = (error: Error) => stop(`rendering crashed: ${error.message}`, 'render/crash');
      worker.on('message', onMessage);
      worker.once('error', onError);
      for (const index of queued) send(index);
      fill();
      startClock();
      if (queued.length === 0) finish(false);
    });
  }

  private applySetup(slot: Slot, setup: RenderSetup): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: WorkerResponse) => {
        if (message.type !== 'ready') return;
        slot.worker.off('message', onMessage);
        slot.worker.off('error', reject);
        slot.setup = setup;
        resolve();
      };
      slot.worker.on('message', onMessage);
      slot.worker.once('error', reject);
      // Engines are made from the templates alone: a worker that has them keeps its engines.
      const templates = slot.setup?.templates === setup.templates ? undefined : setup.templates;
      slot.worker.postMessage({ type: 'setup', config: setup.config, variant: setup.variant, templates } satisfies WorkerRequest);
    });
  }
}

type ResultHandler = (index: number, outcome: RenderOutcome) => void;

/**
 * Pages sent to a worker beyond the one it renders. One is enough for the worker to find
 * its next page waiting whenever it finishes one; more would leave the other workers
 * idle at the end of a build while pages wait in one worker's queue.
 */
const PAGES_AHEAD = 1;

function newSlot(): Slot {
  // unified allocates a great many short-lived nodes: a young generation bigger than V8's
  // default means far fewer scavenges (measured: 1,000 pages render about 20% faster).
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  // An idle pool must not keep the process alive.
  worker.unref();
  return { worker, setup: undefined };
}
