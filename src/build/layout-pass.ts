import type { Liquid } from 'liquidjs';
import type { SiteNav } from '../nav/site-nav.ts';
import type { VariantSwitch } from '../nav/variant-switch.ts';
import type { Writer } from '../output/writer.ts';
import type { RenderSetup } from '../render/pool.ts';
import { bodyInVariant, layoutPage, type ContentRecord, type LayoutExtras, type PageRecord, type RenderedPage } from '../render/page.ts';
import type { ContentJob, RenderedContents } from '../render/contents.ts';
import type { SearchIndexer } from '../search/pagefind.ts';
import { twinPath } from '../content/discover.ts';
import type { OutputPlan } from './plan.ts';

export interface LayoutInput {
  jobs: readonly ContentJob[];
  contents: RenderedContents;
  plan: OutputPlan;
  setup: RenderSetup & LayoutExtras & { nav: SiteNav; switcher?: VariantSwitch | undefined };
  layoutLiquid: Liquid;
  writer: Writer;
  /** Receives every page made anew, in job order (what makes the index the same whatever the workers' timing). */
  search: SearchIndexer | undefined;
  /** Sees every page, HTML included; a carried page comes without HTML. */
  onPage?: ((page: RenderedPage) => void) | undefined;
  /** The session's records of carried pages, kept between runs. */
  carried: CarriedRecords;
  /** The session's names of the pages' Markdown twins, kept between runs. */
  twins: TwinNames;
  /** Where the variant's files go in the output: `self-hosted/`, or nothing. */
  prefix: string;
}

/**
 * The layout phase: one pass over the site with one sidebar. Pages are laid out one at
 * a time, in job order, as the build hands them over (while later pages still render,
 * or after), and written as they come (into staging: nothing is visible before commit),
 * so the build never holds the whole site's HTML.
 */
export class LayoutPass {
  /** Every page's record, in job order, once laid out. */
  readonly pages: PageRecord[];
  /**
   * Each page's Markdown twin's key (with `llms`): its content's, for the twin depends on
   * nothing else, so a new sidebar, which lays every page out again, leaves the twins as
   * they are.
   */
  readonly twinKeys: string[];
  /** Pages whose content came from the cache and got a fresh layout (the sidebar or the layout changed). */
  laidOut = 0;
  /** Pages the output already held: neither rendered nor laid out. */
  reused = 0;

  constructor(private readonly input: LayoutInput) {
    this.pages = new Array<PageRecord>(input.jobs.length);
    this.twinKeys = new Array<string>(input.jobs.length);
  }

  /** The twin's file and key (its content's key: not hashed again, it is a key already). */
  private twin(index: number, outputPath: string, pageKey: string): { file: string; key: string } {
    const twin = this.input.twins.of(index, this.input.prefix, outputPath, this.input.contents.contentKey(index) ?? pageKey);
    this.twinKeys[index] = twin.key;
    return twin;
  }

  /** Lays out or carries the page at this index: at once when carried (no promise: a dev rebuild carries nearly every page). */
  layOut(index: number): Promise<void> | undefined {
    const { contents, plan, writer } = this.input;
    const record = contents.records[index]!;
    const key = plan.pageKeys[index]!;
    // Only a page that was written whole is in the output, so its record has no error.
    if (!plan.carry[index] || record.failed) return this.layOutAnew(index, record, key);
    this.reused++;
    this.pages[index] = this.input.carried.of(index, record);
    writer.carry(this.input.prefix + record.outputPath, key);
    if (this.input.setup.config.llms) {
      const twin = this.twin(index, record.outputPath, key);
      writer.carry(twin.file, twin.key);
    }
    this.input.onPage?.({ ...this.pages[index], html: undefined });
    return undefined;
  }

  private async layOutAnew(index: number, record: ContentRecord, key: string): Promise<void> {
    const { contents, writer } = this.input;
    if (contents.cached(index) && !record.failed) this.laidOut++;
    const content = await contents.take(index);
    const page = layoutPage(content, this.input.setup, this.input.layoutLiquid);
    const { html, ...pageRecord } = page;
    this.pages[index] = pageRecord;
    if (html !== undefined) {
      writer.write(this.input.prefix + pageRecord.outputPath, html, key);
      // A twin the output holds from the same content is kept, not written again (the writer sees to that).
      if (this.input.setup.config.llms) {
        const twin = this.twin(index, pageRecord.outputPath, key);
        writer.write(twin.file, bodyInVariant(content.markdown, this.input.setup), twin.key);
      }
      // The body as the page shows it, so the index's cut finds it in the page.
      this.input.search?.add({ file: pageRecord.file, url: pageRecord.url, html, body: record.failed ? undefined : bodyInVariant(content.content, this.input.setup) });
    }
    this.input.onPage?.(page);
  }
}

/**
 * What the checks keep of a page whose output is carried over as it is, by job index,
 * kept while the page's content record stays the same object: a dev rebuild carries
 * nearly every page, and remaking each one's record every time cost more than the rest
 * of carrying it.
 */
export class CarriedRecords {
  private readonly from: ContentRecord[] = [];
  private readonly records: PageRecord[] = [];

  of(index: number, content: ContentRecord): PageRecord {
    if (this.from[index] === content) return this.records[index]!;
    this.from[index] = content;
    return (this.records[index] = pageRecordOf(content));
  }
}

function pageRecordOf(content: ContentRecord): PageRecord {
  const { layout: _layout, failed: _failed, titleHeading: _titleHeading, ...record } = content;
  return record;
}

/**
 * Each page's Markdown twin's output file and key, by job index, kept between a session's
 * runs while the page's output path and content stay the same (the same string objects,
 * so mostly compared by identity): a dev rebuild carries every page's twin, and the
 * writer's maps hashing newly made names and keys for each doubled the cost of carrying.
 */
export class TwinNames {
  private readonly made: Array<{ outputPath: string; basis: string; file: string; key: string } | undefined> = [];

  /** `prefix`: the variant's path (the same in every run); `basis`: the page's content key (or its page key, without a cache). */
  of(index: number, prefix: string, outputPath: string, basis: string): { file: string; key: string } {
    const known = this.made[index];
    if (known && known.outputPath === outputPath && known.basis === basis) return known;
    const made = { outputPath, basis, file: prefix + twinPath(outputPath), key: `twin\0${basis}` };
    this.made[index] = made;
    return made;
  }
}
