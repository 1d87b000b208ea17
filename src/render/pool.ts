import { Worker } from 'node:worker_threads';
import { COMPILED } from '../runtime.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { PageSource } from '../content/discover.ts';
import type { TemplateSet } from '../layout/templates.ts';
import type { NavItem } from '../nav/sidebar.ts';
import type { PageContent, RenderedPage } from './page.ts';

/** What every page of a build shares, sent to each worker once per build. */
export interface RenderSetup {
  config: SiteConfig;
  templates: TemplateSet;
  nav: NavItem[] | undefined;
}

export interface RenderJob {
  source: string;
  page: PageSource;
}

export type WorkerRequest = ({ type: 'setup' } & RenderSetup) | ({ type: 'render'; id: number } & RenderJob);
/** A rendered page, and its content on its own for the content cache (absent when rendering failed outright). */
export interface RenderOutcome {
  content: PageContent | undefined;
  page: RenderedPage;
}

export type WorkerResponse = { type: 'ready' } | { type: 'done'; id: number; result: RenderOutcome } | { type: 'failed'; id: number; message: string };

export interface PoolOptions {
  /** How many workers; the build sizes it to the cores and the work. */
  size: number;
  /** A page that takes longer is stopped (its worker is replaced) and reported. @default 10000 */
  timeLimitMs?: number;
}

/**
 * The worker's entry. Compiled, it sits next to this module's own file. From source it is
 * a JavaScript file that registers tsx, so workers run TypeScript whether the parent did or not (tests).
 */
const WORKER_URL = new URL(COMPILED ? './worker.mjs' : './worker-entry.mjs', import.meta.url);

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

  constructor(private readonly options: PoolOptions) {
    this.timeLimitMs = options.timeLimitMs ?? 10_000;
    for (let i = 0; i < options.size; i++) this.slots.push(newSlot());
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Renders every job, handing each result to `onResult` as soon as it arrives (in
   * whatever order the workers finish), so no result is held longer than it takes to write.
   */
  async renderAll(setup: RenderSetup, jobs: readonly RenderJob[], onResult: (index: number, outcome: RenderOutcome) => void): Promise<void> {
    let next = 0;
    const runSlot = async (slot: Slot) => {
      while (next < jobs.length) {
        const index = next++;
        if (slot.setup !== setup) await this.applySetup(slot, setup);
        onResult(index, await this.renderOne(slot, index, jobs[index]!));
      }
    };
    await Promise.all(this.slots.map(runSlot));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
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
      slot.worker.postMessage({ type: 'setup', ...setup } satisfies WorkerRequest);
    });
  }

  private renderOne(slot: Slot, id: number, job: RenderJob): Promise<RenderOutcome> {
    return new Promise((resolve) => {
      const settle = (result: RenderOutcome) => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        resolve(result);
      };
      const replaceWorker = () => {
        void slot.worker.terminate();
        Object.assign(slot, newSlot());
      };
      const onMessage = (message: WorkerResponse) => {
        if (message.type === 'done' && message.id === id) settle(message.result);
        else if (message.type === 'failed' && message.id === id) settle(failedPage(job, `rendering failed: ${message.message}`, 'render/crash'));
      };
      const onError = (error: Error) => {
        replaceWorker();
        settle(failedPage(job, `rendering crashed: ${error.message}`, 'render/crash'));
      };
      const timer = setTimeout(() => {
        replaceWorker();
        settle(failedPage(job, `rendering took longer than ${this.timeLimitMs / 1000} s and was stopped`, 'render/timeout'));
      }, this.timeLimitMs);
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.postMessage({ type: 'render', id, ...job } satisfies WorkerRequest);
    });
  }
}

function newSlot(): Slot {
  // unified allocates a great many short-lived nodes: a young generation bigger than V8's
  // default means far fewer scavenges (measured: 1,000 pages render about 20% faster).
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  // An idle pool must not keep the process alive.
  worker.unref();
  return { worker, setup: undefined };
}

/** The result for a page whose worker died or ran out of time. */
export function failedPage(job: RenderJob, message: string, rule: string): RenderOutcome {
  const { page } = job;
  return { content: undefined, page: {
    file: page.file, url: page.url, outputPath: page.outputPath, title: '', frontmatter: {}, html: undefined,
    headings: [], anchors: [], placeholders: [], links: [],
    diagnostics: [{ file: page.file, line: 1, column: 1, severity: 'error', message, rule }],
  } };
}
