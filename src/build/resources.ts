import { availableParallelism } from 'node:os';
import type { Highlighter } from 'shiki';
import type { RenderEngines } from '../render/engines.ts';
import { RenderPool } from '../render/pool.ts';
import type { LoadedTheme } from './theme.ts';

/** A worker costs a second or so to start (the pipeline and Shiki): one per this many pages. */
const POOL_PAGES_PER_WORKER = 64;

/**
 * What rendering runs on, kept between runs: the render workers, or the engines for
 * rendering in this thread (the markdown chain and Shiki), each made on first need.
 */
export class RenderResources {
  private highlighter: Promise<Highlighter> | undefined;
  private pool: RenderPool | undefined;

  constructor(private readonly options: { workers?: number | 'auto' | undefined; pageTimeLimitMs?: number | undefined }) {}

  /**
   * Workers for this many pages to render, or none (`workers: 0`, the API's default,
   * renders in this thread). With `'auto'` (the CLI, the dev server) every render runs on
   * a worker, because only a worker can be stopped when a page runs past the time limit;
   * one per 64 pages, up to a worker per core. The pool is kept for later runs (dev).
   */
  poolFor(misses: number): RenderPool | undefined {
    const wanted = this.options.workers ?? 0;
    if (wanted === 0) return undefined;
    this.pool ??= new RenderPool({ size: wanted === 'auto' ? Math.min(availableParallelism(), Math.ceil(misses / POOL_PAGES_PER_WORKER)) : wanted, timeLimitMs: this.options.pageTimeLimitMs });
    return this.pool;
  }

  /** Whether workers were started already (they load while the rest of the site does). */
  get started(): boolean {
    return this.pool !== undefined;
  }

  /**
   * The engines for rendering in this thread, made on first need: the markdown chain and
   * Shiki take most of start-up, and a rebuild whose pages all come from the cache never needs them.
   */
  engines(theme: LoadedTheme): Promise<RenderEngines> {
    this.highlighter ??= import('../markdown/plugins/highlight.ts').then(({ createCodeHighlighter }) => createCodeHighlighter());
    theme.engines ??= Promise.all([this.highlighter, import('../render/engines.ts')]).then(([highlighter, { createRenderEngines }]) => createRenderEngines(theme.templates, { highlighter }));
    return theme.engines;
  }

  /** Stops the workers and frees the highlighter. */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
    (await this.highlighter)?.dispose();
    this.highlighter = undefined;
  }
}
