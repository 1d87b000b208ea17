import type { SiteConfig } from '../config/schema.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Writer } from '../output/writer.ts';
import type { RenderCache } from '../render/cache.ts';
import type { PageRecord, RenderedPage } from '../render/page.ts';

export interface BuildOptions {
  /** The site folder: holds content/, and optionally site.config.ts and templates/. */
  root: string;
  writer: Writer;
  /** Another theme folder instead of the built-in one (tests). */
  themeDir?: string;
  /** Rendered pages by content hash; a hit skips rendering. */
  cache?: RenderCache;
  /**
   * Render on worker threads: how many (`'auto'`: one per core, fewer for small
   * sites). Workers also enforce the per-page time limit. `0`: in this thread.
   * @default 0
   */
  workers?: number | 'auto';
  /** A page that renders longer than this on a worker is stopped and reported. @default 10000 */
  pageTimeLimitMs?: number;
  /** Build the Pagefind search index. @default true */
  search?: boolean;
  /**
   * Make llms-full.txt (with the config's `llms` on). The dev server leaves it out of its
   * rebuilds, which it would slow by the whole site's Markdown, and makes it when asked.
   * @default true
   */
  llmsFull?: boolean;
  /** On a site with variants, build only this one (at its own URLs, with the others' pages still known to its switcher and checks). */
  variant?: string | undefined;
  /**
   * On a site with variants, build the default variant and those `BuildSession.request`
   * asked for, not all of them (the dev server: a variant is built when first visited).
   */
  lazyVariants?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Sees every page as it is made, HTML included (the result keeps only records). Reused pages come without HTML. */
  onPage?: (page: RenderedPage) => void;
}

export interface BuildStats {
  /** Pages whose content was rendered (not from the cache). */
  rendered: number;
  /** Pages whose cached content got a fresh layout (the sidebar changed). */
  laidOut: number;
  /** Pages the output already held as they are: neither rendered nor laid out. */
  reused: number;
}

export interface BuildResult {
  config: SiteConfig | undefined;
  /** Every page, without its HTML (that went to the writer). */
  pages: PageRecord[];
  /** The folders' generated landing pages (a folder without a page of its own): where each was written. */
  landingPages: Array<{ file: string; url: string; outputPath: string }>;
  /** Every problem of the run, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** Source text of the files with problems, by site-relative path, so reports can quote the offending line. */
  sources: Map<string, string>;
  /** Whether the output was committed (only when there were no errors). */
  written: boolean;
  /** On a site with variants, those built, default first: their names and where their files are (`self-hosted/`, `` for the default). */
  variants?: Array<{ name: string; prefix: string }>;
  stats: BuildStats;
}
