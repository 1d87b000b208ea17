import type { PageSource } from '../content/discover.ts';
import type { RenderEngines } from './engines.ts';
import { renderContent, type ContentRecord, type PageContent } from './page.ts';
import { hashOf } from '../hashing/hash.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { RenderCache } from './cache.ts';
import { ContentKeys, metadataReads, type MetadataReads } from './metadata-reads.ts';
import type { RenderOutcome, RenderPool, RenderSetup } from './pool.ts';

export interface ContentJob {
  page: PageSource;
  source: string;
  /**
   * Hash of what the content depends on apart from the site's metadata: source, the
   * other settings, included templates, generator. The values of the metadata keys it
   * read complete its cache key (metadata-reads.ts).
   */
  sourceKey: string;
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
  private readonly held = new Map<number, Body>();
  /** Job indexes rendered in this run (the rest came from the cache). */
  private readonly renderedHere = new Set<number>();
  private readonly keys: ContentKeys;
  /** Each page's content key, where known: what it read was stored by an earlier run, or it was rendered in this one. */
  private readonly contentKeys: (string | undefined)[];

  /** Every page's record; those from the cache at once, the others as they are rendered. */
  readonly records: ContentRecord[];

  constructor(private readonly input: Pick<ContentsInput, 'jobs' | 'setup' | 'cache' | 'engines'> & { cached?: CachedRecords | undefined }) {
    const { cache, cached } = input;
    const variant = input.setup.variant;
    this.keys = new ContentKeys(input.setup.config.metadata, variant && { name: variant.name, label: variant.label, path: variant.path, status: variant.status, default: variant.default });
    const found = cache ? (cached ?? new CachedRecords()).get(input.jobs, this.keys, cache) : { keys: [], records: input.jobs.map(() => undefined) };
    this.contentKeys = found.keys;
    // Holes where the cache has no record: `render` fills them.
    this.records = found.records as ContentRecord[];
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
    // The page being handed on when `onContent` is asynchronous (a page laid out anew);
    // pages it takes synchronously (carried ones: nearly all of a dev rebuild's) are handed
    // on in a plain loop, not a chain of promises (16,000 of those: 2-17 ms, timed alone).
    let pending: Promise<void> | undefined;
    let failure: { error: unknown } | undefined;
    const handOn = () => {
      while (!pending && !failure && next < jobs.length && ready[next]) {
        const index = next++;
        try {
          const handing = options.onContent?.(index);
          if (handing) {
            pending = handing.then(
              () => {
                pending = undefined;
                handOn();
              },
              (error: unknown) => {
                failure ??= { error };
                pending = undefined;
              },
            );
          }
        } catch (error) {
          failure ??= { error };
        }
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
        // A failed hand-on fails the run: the pages not sent yet are not rendered.
        await pool.renderAll(this.input.setup, missJobs, (miss, outcome: RenderOutcome) => arrived(misses[miss]!, outcome), () => failure !== undefined);
      } else {
        const engines = await this.input.engines();
        const { config, templates, variant } = this.input.setup;
        for (let miss = 0; miss < missJobs.length && !failure; miss++) arrived(misses[miss]!, renderContent({ ...missJobs[miss]!, config, templates, variant }, engines));
      }
    }
    while (pending) await pending;
    if (failure) throw failure.error;
  }

  /** Pages whose content was rendered (cache misses). */
  get rendered(): number {
    return this.renderedHere.size;
  }

  /** The content key of the page at this index: what its content was made from (unknown without a cache). */
  contentKey(index: number): string | undefined {
    return this.contentKeys[index];
  }

  /** Whether the content at this index came from the cache. */
  cached(index: number): boolean {
    return !this.renderedHere.has(index);
  }

  /**
   * Takes a freshly rendered page: what it read, its record and body into the cache, and
   * its body until the layout takes it.
   */
  arrive(index: number, content: PageContent): void {
    const { content: html, markdown, ...record } = content;
    const body: Body = [html, markdown];
    const { cache } = this.input;
    this.records[index] = record;
    this.renderedHere.add(index);
    if (cache && cacheable(content)) {
      const { sourceKey } = this.input.jobs[index]!;
      const reads = metadataReads(record);
      const key = this.keys.contentKey(sourceKey, reads);
      // The same in every run for this source key; stored again only if it was lost or damaged.
      if (this.contentKeys[index] !== key) cache.set(this.keys.readsKey(sourceKey), reads);
      this.contentKeys[index] = key;
      cache.set(key, record);
      if (!content.failed) cache.set(bodyKey(key), body);
      // Only what the cache holds: a page that timed out is looked up, and rendered, again.
      this.input.cached?.learn(index, key, record);
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
    if (record.failed) return { ...record, content: '', markdown: '' };
    const held = this.held.get(index);
    if (held !== undefined) {
      this.held.delete(index);
      return { ...record, content: held[0], markdown: held[1] };
    }
    const job = this.input.jobs[index]!;
    const key = this.contentKeys[index];
    const body = key === undefined ? undefined : this.input.cache?.get<unknown>(bodyKey(key));
    if (isBody(body)) return { ...record, content: body[0], markdown: body[1] };
    const { setup } = this.input;
    return renderContent({ source: job.source, page: job.page, config: setup.config, templates: setup.templates, variant: setup.variant }, await this.input.engines());
  }
}

/**
 * Content keys and the records the cache gave, by job index, kept between a session's
 * runs: a job that is the same object as last time (the site's config unchanged, so the
 * same metadata) has the same content key, so a rebuild asks the cache only for the pages
 * that changed. Only the cache's answers are kept, so a page that was not cacheable (a
 * timeout) is looked up, and rendered, again.
 */
export class CachedRecords {
  private jobs: readonly ContentJob[] = [];
  private keys: (string | undefined)[] = [];
  private records: (ContentRecord | undefined)[] = [];
  private cache: RenderCache | undefined;
  private metadata: object | undefined;

  get(jobs: readonly ContentJob[], contentKeys: ContentKeys, cache: RenderCache): { keys: (string | undefined)[]; records: (ContentRecord | undefined)[] } {
    const known = this.cache === cache && this.metadata === contentKeys.metadata ? this.jobs : [];
    const keys = jobs.map((job, i) => (known[i] === job ? this.keys[i] : undefined) ?? contentKeyOf(job, contentKeys, cache));
    const records = jobs.map((job, i) => (known[i] === job ? this.records[i] : undefined) ?? (keys[i] === undefined ? undefined : cache.get<ContentRecord>(keys[i])));
    Object.assign(this, { jobs, keys, records, cache, metadata: contentKeys.metadata });
    return { keys: keys.slice(), records: records.slice() };
  }

  /** A page of this run's jobs rendered and stored in the cache: the next run need not ask the cache for it. */
  learn(index: number, key: string, record: ContentRecord): void {
    this.keys[index] = key;
    this.records[index] = record;
  }
}

/** Results that say more about the machine than the page are not cached. */
const UNCACHEABLE: ReadonlySet<RuleId> = new Set<RuleId>(['render/timeout', 'render/crash']);
const cacheable = (page: { diagnostics: ReadonlyArray<{ rule: RuleId }> }) => !page.diagnostics.some((d) => UNCACHEABLE.has(d.rule));

/** A page's content key, when an earlier run stored what a page with its source key reads. */
function contentKeyOf(job: ContentJob, keys: ContentKeys, cache: RenderCache): string | undefined {
  const reads = cache.get<unknown>(keys.readsKey(job.sourceKey));
  return isMetadataReads(reads) ? keys.contentKey(job.sourceKey, reads) : undefined;
}

function isMetadataReads(value: unknown): value is MetadataReads {
  return value === '*' || (Array.isArray(value) && value.every((key) => typeof key === 'string'));
}

/** The cache holds a page's record and its body apart, so a build that lays out nothing never reads a body. */
const bodyKey = (contentKey: string) => hashOf('body', contentKey);

/** What a page's layout takes of its content: the body's HTML and the page's Markdown twin. */
type Body = [html: string, markdown: string];
const isBody = (value: unknown): value is Body => Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string';
