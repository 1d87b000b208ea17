import type { PageSource } from '../content/discover.ts';
import type { RenderEngines } from './engines.ts';
import { renderContent, type ContentRecord, type PageContent } from './page.ts';
import { hashOf } from '../hashing/hash.ts';
import type { RenderCache } from './cache.ts';
import type { RenderOutcome, RenderPool, RenderSetup } from './pool.ts';

export interface ContentJob {
  page: PageSource;
  source: string;
  /** Hash of everything the content depends on: source, config, included templates, generator. */
  contentKey: string;
}

export interface ContentsInput {
  jobs: readonly ContentJob[];
  setup: RenderSetup;
  cache: RenderCache | undefined;
  /** The pool for this many misses, or `undefined` to render them in this thread. */
  pool: (misses: number) => RenderPool | undefined;
  /** The full engines, made on first need: a build whose pages all hit the cache never loads Shiki. */
  engines: () => Promise<RenderEngines>;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Sees each page once its content and that of every page before it are known. */
  onContent?: ((index: number) => Promise<void> | void) | undefined;
}

/**
 * Every page's content, rendered or from the cache: the records (titles, headings, links,
 * problems) that navigation and the checks are made from, and each body on demand for
 * the layout pass. A rendered body is held only until its page is laid out, which is as
 * soon as every page before it has arrived, so a big cold build never holds the site's HTML.
 */
export class RenderedContents {
  /** Bodies of pages rendered in this run and not laid out yet, by job index. */
  private readonly held = new Map<number, string>();
  /** Job indexes rendered in this run (the rest came from the cache). */
  private readonly renderedHere = new Set<number>();

  /** Every page's record; those from the cache at once, the others as they are rendered. */
  readonly records: ContentRecord[];

  constructor(private readonly input: Pick<ContentsInput, 'jobs' | 'setup' | 'cache' | 'engines'> & { cached?: CachedRecords | undefined }) {
    // Holes where the cache has no record: `render` fills them.
    const { cache, cached } = input;
    this.records = (cached && cache ? cached.get(input.jobs, cache) : input.jobs.map((job) => cache?.get<ContentRecord>(job.contentKey))) as ContentRecord[];
  }

  /**
   * Renders every page the cache did not have, on the pool when there is one, and hands
   * each page to `onContent` in job order as soon as it and every page before it are
   * known (what makes the output and the search index the same whatever the workers'
   * timing), so they can be laid out while later pages render.
   */
  async render(options: Pick<ContentsInput, 'pool' | 'onProgress' | 'onContent'>): Promise<void> {
    const { jobs } = this.input;
    const ready = jobs.map((_, index) => this.records[index] !== undefined);
    const misses = ready.flatMap((known, index) => (known ? [] : [index]));
    let next = 0;
    let handed: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const handOn = () => {
      while (next < jobs.length && ready[next]) {
        const index = next++;
        handed = handed.then(() => (failure ? undefined : options.onContent?.(index))).catch((error: unknown) => {
          failure ??= { error };
        });
      }
    };
    let done = jobs.length - misses.length;
    const arrived = (index: number, content: PageContent) => {
      this.arrive(index, content);
      ready[index] = true;
      options.onProgress?.(++done, jobs.length);
      handOn();
    };
    handOn();
    if (misses.length > 0) {
      const pool = options.pool(misses.length);
      const missJobs = misses.map((index) => ({ source: jobs[index]!.source, page: jobs[index]!.page }));
      if (pool) {
        await pool.renderAll(this.input.setup, missJobs, (miss, outcome: RenderOutcome) => arrived(misses[miss]!, outcome));
      } else {
        const engines = await this.input.engines();
        const { config, templates } = this.input.setup;
        missJobs.forEach((job, miss) => arrived(misses[miss]!, renderContent({ ...job, config, templates }, engines)));
      }
    }
    await handed;
    if (failure) throw failure.error;
  }

  /** Pages whose content was rendered (cache misses). */
  get rendered(): number {
    return this.renderedHere.size;
  }

  /** Whether the content at this index came from the cache. */
  cached(index: number): boolean {
    return !this.renderedHere.has(index);
  }

  /** Takes a freshly rendered page: its record and body into the cache, and its body until the layout takes it. */
  arrive(index: number, content: PageContent): void {
    const { content: body, ...record } = content;
    const { cache } = this.input;
    const key = this.input.jobs[index]!.contentKey;
    this.records[index] = record;
    this.renderedHere.add(index);
    if (cache && cacheable(content)) {
      cache.set(key, record);
      if (!content.failed) cache.set(bodyKey(key), body);
    }
    // Held until its layout takes it (soon: pages are laid out as they arrive, in order),
    // so the layout does not read back from the cache what it was just handed.
    if (!content.failed) this.held.set(index, body);
  }

  /**
   * The page's content with its body, taken once (a held body is dropped: a second
   * layout pass renders it again). An entry the cache can no longer read (damaged) is
   * rendered again here too.
   */
  async take(index: number): Promise<PageContent> {
    const record = this.records[index]!;
    if (record.failed) return { ...record, content: '' };
    const held = this.held.get(index);
    if (held !== undefined) {
      this.held.delete(index);
      return { ...record, content: held };
    }
    const job = this.input.jobs[index]!;
    const body = this.input.cache?.get<string>(bodyKey(job.contentKey));
    if (body !== undefined) return { ...record, content: body };
    const { setup } = this.input;
    return renderContent({ source: job.source, page: job.page, config: setup.config, templates: setup.templates }, await this.input.engines());
  }
}

/**
 * Records the cache gave, by job index, kept between a session's runs: a job that is the
 * same object as last time has the same content key, so a rebuild asks the cache only
 * for the pages that changed. Only the cache's answers are kept, so a page that was not
 * cacheable (a timeout) is looked up, and rendered, again.
 */
export class CachedRecords {
  private jobs: readonly ContentJob[] = [];
  private records: (ContentRecord | undefined)[] = [];
  private cache: RenderCache | undefined;

  get(jobs: readonly ContentJob[], cache: RenderCache): (ContentRecord | undefined)[] {
    const known = this.cache === cache ? this.jobs : [];
    const records = jobs.map((job, i) => (known[i] === job ? this.records[i] : undefined) ?? cache.get<ContentRecord>(job.contentKey));
    this.jobs = jobs;
    this.records = records;
    this.cache = cache;
    return records;
  }
}

/** Results that say more about the machine than the page are not cached. */
const UNCACHEABLE: ReadonlySet<string> = new Set(['render/timeout', 'render/crash']);
const cacheable = (page: { diagnostics: ReadonlyArray<{ rule: string }> }) => !page.diagnostics.some((d) => UNCACHEABLE.has(d.rule));

/** The cache holds a page's record and its body apart, so a build that lays out nothing never reads a body. */
const bodyKey = (contentKey: string) => hashOf('body', contentKey);
