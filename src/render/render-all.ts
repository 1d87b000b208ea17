import type { Liquid } from 'liquidjs';
import type { PageSource } from '../content/discover.ts';
import type { NavItem } from '../nav/sidebar.ts';
import type { RenderEngines } from './engines.ts';
import { layoutPage, renderContent, type ContentRecord, type PageContent, type PageRecord, type RenderedPage } from './page.ts';
import { hashOf, type RenderCache } from './cache.ts';
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
}

/**
 * Every page's content, rendered or from the cache: the records (titles, headings, links,
 * problems) that navigation and the checks are made from, and each body on demand for
 * the layout pass. A body is held in memory only when there is no cache to read it back
 * from, so a big cold build does not keep the site's HTML while the last pages render.
 */
export class RenderedContents {
  /** Bodies of pages rendered in this run and not cached, by job index. */
  private readonly held = new Map<number, string>();
  /** Job indexes rendered in this run (the rest came from the cache). */
  private readonly renderedHere = new Set<number>();

  constructor(
    readonly records: ContentRecord[],
    private readonly input: Pick<ContentsInput, 'jobs' | 'setup' | 'cache' | 'engines'>,
  ) {}

  /** Pages whose content was rendered (cache misses). */
  get rendered(): number {
    return this.renderedHere.size;
  }

  /** Whether the content at this index came from the cache. */
  cached(index: number): boolean {
    return !this.renderedHere.has(index);
  }

  /** Takes a freshly rendered page: its record, and its body into the cache or, without one, into memory. */
  arrive(index: number, content: PageContent): void {
    const { content: body, ...record } = content;
    const { cache } = this.input;
    const key = this.input.jobs[index]!.contentKey;
    this.records[index] = record;
    this.renderedHere.add(index);
    if (cache && cacheable(content)) {
      cache.set(key, record);
      if (!content.failed) cache.set(bodyKey(key), body);
    } else if (!content.failed) this.held.set(index, body);
  }

  /**
   * The page's content with its body, taken once (a held body is dropped). An entry
   * the cache can no longer read (damaged) is rendered again here.
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

/** Results that say more about the machine than the page are not cached. */
const UNCACHEABLE = new Set(['render/timeout', 'render/crash']);
const cacheable = (page: { diagnostics: ReadonlyArray<{ rule: string }> }) => !page.diagnostics.some((d) => UNCACHEABLE.has(d.rule));

/** The cache holds a page's record and its body apart, so a build that lays out nothing never reads a body. */
const bodyKey = (contentKey: string) => hashOf('body', contentKey);

/**
 * Renders every page's content, doing as little as the cache allows: a hit costs a
 * record lookup, and only misses are rendered, on the pool when there is one.
 */
export async function renderContents(input: ContentsInput): Promise<RenderedContents> {
  const { jobs, cache } = input;
  const records = new Array<ContentRecord>(jobs.length);
  const misses: number[] = [];
  jobs.forEach((job, index) => {
    const record = cache?.get<ContentRecord>(job.contentKey);
    if (record) records[index] = record;
    else misses.push(index);
  });
  const contents = new RenderedContents(records, input);
  let done = jobs.length - misses.length;
  const progress = () => input.onProgress?.(++done, jobs.length);
  if (misses.length === 0) return contents;

  const pool = input.pool(misses.length);
  const missJobs = misses.map((index) => ({ source: jobs[index]!.source, page: jobs[index]!.page }));
  if (pool) {
    await pool.renderAll(input.setup, missJobs, (miss, outcome: RenderOutcome) => {
      contents.arrive(misses[miss]!, outcome);
      progress();
    });
  } else {
    const engines = await input.engines();
    const { config, templates } = input.setup;
    missJobs.forEach((job, miss) => {
      contents.arrive(misses[miss]!, renderContent({ ...job, config, templates }, engines));
      progress();
    });
  }
  return contents;
}

export interface LayoutInput {
  jobs: readonly ContentJob[];
  contents: RenderedContents;
  /** Each page's key: its content key plus its layout's templates and the sidebar. */
  pageKeys: readonly string[];
  setup: RenderSetup & { nav: readonly NavItem[] };
  layoutLiquid: Liquid;
  /** Whether the output already holds this page under its page key: then no HTML is made. */
  reuse?: ((job: ContentJob, pageKey: string) => boolean) | undefined;
  /**
   * Receives every page, in job order (what makes the search index the same whatever the
   * workers' timing): its record, HTML and body HTML before the layout (none when it
   * failed, or when `reused`). Nothing keeps the HTML after.
   */
  onPage: (record: PageRecord, html: string | undefined, index: number, reused: boolean, body?: string) => void;
}

export interface LayoutResult {
  /** Every page's record, in job order. */
  pages: PageRecord[];
  /** Pages whose content came from the cache and got a fresh layout (the sidebar or the layout changed). */
  laidOut: number;
  /** Pages the output already held: neither rendered nor laid out. */
  reused: number;
}

/** The layout around every page's content, with the sidebar made from every page's title. */
export async function layoutPages(input: LayoutInput): Promise<LayoutResult> {
  const { jobs, contents } = input;
  const pages = new Array<PageRecord>(jobs.length);
  const counts = { laidOut: 0, reused: 0 };
  for (const [index, job] of jobs.entries()) {
    const record = contents.records[index]!;
    // Only a page that was written whole is in the output, so its record has no error.
    if (!record.failed && input.reuse?.(job, input.pageKeys[index]!)) {
      counts.reused++;
      pages[index] = pageRecordOf(record);
      input.onPage(pages[index], undefined, index, true);
      continue;
    }
    if (contents.cached(index) && !record.failed) counts.laidOut++;
    const content = await contents.take(index);
    const page = layoutPage(content, input.setup, input.layoutLiquid);
    pages[index] = recordOf(page);
    input.onPage(pages[index], page.html, index, false, record.failed ? undefined : content.content);
  }
  return { pages, ...counts };
}

/** What the checks keep of a page whose output is reused as it is. */
function pageRecordOf(content: ContentRecord): PageRecord {
  const { layout: _layout, failed: _failed, titleHeading: _titleHeading, ...record } = content;
  return record;
}

/** A page without its HTML: what is kept for the site-wide checks. */
function recordOf(page: RenderedPage): PageRecord {
  const { html: _html, ...record } = page;
  return record;
}
