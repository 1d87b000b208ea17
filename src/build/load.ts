import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, loadConfig } from '../config/load.ts';
import type { SiteConfig } from '../config/schema.ts';
import { normalizeSource } from '../content/decode.ts';
import { discoverContent, type Discovery, type PageSource } from '../content/discover.ts';
import type { PageHeader } from '../content/page-header.ts';
import { PageSources } from '../content/sources.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { TEMPLATES_DIR } from '../template/templates.ts';
import { hashOf } from '../hashing/hash.ts';
import { RenderKeys } from '../render/keys.ts';
import type { ContentJob } from '../render/contents.ts';
import { CODE_ID, PACKAGE_VERSION } from '../runtime.ts';
import { loadTheme, type LoadedTheme } from './theme.ts';

/** Part of every cache key, so a new generator version never reuses an old rendering: the package's version and the code's own id: any change to docsmith's code renders every page anew. */
export const GENERATOR_VERSION = `${PACKAGE_VERSION}+${CODE_ID}`;

/** The content listing, with what the dev server's invalidation and the link check look up in it. */
export type Listing = Discovery & { files: Set<string>; assetPaths: Set<string> };

/** Everything a run renders from: the listing, the config, the theme, and each page's header and content key. */
export interface LoadedSite {
  listing: Listing;
  config: SiteConfig;
  configSource: string | undefined;
  theme: LoadedTheme;
  headers: PageHeader[];
  jobs: ContentJob[];
  /** Problems found while loading (files that are not UTF-8, names that collide). */
  diagnostics: Diagnostic[];
}

/** The config could not be loaded: nothing else is looked at. */
export interface ConfigFailure {
  diagnostics: Diagnostic[];
  configSource: string | undefined;
}

/**
 * The load phase, and what it keeps between runs: the listing, the config, the theme,
 * the page texts and their keys, each read again only when a file it came from changed
 * (`invalidate`), so a dev rebuild reads the one file that was saved.
 */
export class SiteLoader {
  /** The config, with its hash and that of its settings apart from the metadata (pages are keyed by the metadata values they read). */
  private config: { config: SiteConfig; source: string | undefined; hash: string; settingsHash: string } | undefined;
  private theme: LoadedTheme | undefined;
  private listing: Listing | undefined;
  private readonly sources: PageSources;
  private readonly keys = new RenderKeys();
  /** The last load's headers and jobs, with what they were made from: a rebuild remakes only the entries of files changed since. */
  private last: { listing: Listing; configHash: string; theme: LoadedTheme; headers: PageHeader[]; jobs: ContentJob[]; indexOf: Map<string, number> } | undefined;
  /** Files invalidated since the last load. */
  private readonly stale = new Set<string>();

  constructor(private readonly input: { root: string; themeDir: string }) {
    this.sources = new PageSources(input.root);
  }

  /** Forgets what it knows of these site-relative paths, so the next run reads them again. */
  invalidate(files: Iterable<string>): void {
    for (const file of files) {
      if (file === CONFIG_FILE) this.config = undefined;
      else if (file.startsWith(`${TEMPLATES_DIR}/`)) this.theme = undefined;
      // A file added or removed (or a folder) changes the listing; an edit does not.
      else if (!this.listing?.files.has(file) || !existsSync(path.join(this.input.root, file))) this.listing = undefined;
      this.sources.invalidate(file);
      this.stale.add(file);
    }
  }

  /** The content listing (first, so the render workers can start while the rest loads). */
  list(): Listing {
    if (!this.listing) {
      const found = discoverContent(this.input.root);
      const files = new Set([...found.pages, ...found.assets].map((source) => source.file));
      this.listing = { ...found, files, assetPaths: new Set(found.assets.map((asset) => asset.outputPath)) };
    }
    return this.listing;
  }

  async load(): Promise<LoadedSite | ConfigFailure> {
    const listing = this.list();
    if (!this.config) {
      const loaded = await loadConfig(this.input.root);
      if (!loaded.ok) return { diagnostics: loaded.diagnostics, configSource: loaded.source };
      // Every setting but the metadata values (the site's and each variant's): a page's content is keyed by those it read.
      const { metadata: _metadata, variants, ...rest } = loaded.config;
      const settings = { ...rest, variants: variants?.map(({ metadata: _variantMetadata, ...variant }) => variant) };
      this.config = { config: loaded.config, source: loaded.source, hash: hashOf(GENERATOR_VERSION, JSON.stringify(loaded.config)), settingsHash: hashOf(GENERATOR_VERSION, JSON.stringify(settings)) };
    }
    const { config, source: configSource, hash: configHash, settingsHash } = this.config;
    const theme = this.loadedTheme();
    const diagnostics: Diagnostic[] = [...listing.diagnostics];
    const last = this.last;
    let headers: PageHeader[];
    let jobs: ContentJob[];
    if (last && last.listing === listing && last.configHash === configHash && last.theme === theme) {
      // Only the files changed since the last load can have a new header or key: a dev
      // rebuild after one save looks at that one page, not every page of the site.
      headers = last.headers.slice();
      jobs = last.jobs.slice();
      for (const file of this.stale) {
        const i = last.indexOf.get(file);
        if (i !== undefined) [headers[i], jobs[i]] = this.pageInputs(listing.pages[i]!, settingsHash, theme, []);
      }
      diagnostics.push(...this.sources.undecodable(listing.files));
    } else {
      headers = new Array<PageHeader>(listing.pages.length);
      jobs = new Array<ContentJob>(listing.pages.length);
      listing.pages.forEach((page, i) => ([headers[i], jobs[i]] = this.pageInputs(page, settingsHash, theme, diagnostics)));
    }
    const indexOf = last?.listing === listing ? last.indexOf : new Map(listing.pages.map((page, i) => [page.file, i]));
    this.last = { listing, configHash, theme, headers, jobs, indexOf };
    this.stale.clear();
    return { listing, config, configSource, theme, headers, jobs, diagnostics };
  }

  /** A page's header and content job, read from its text (kept until the file changes). */
  private pageInputs(page: PageSource, settingsHash: string, theme: LoadedTheme, diagnostics: Diagnostic[]): [PageHeader, ContentJob] {
    const source = this.sources.read(page.file, diagnostics);
    const header = this.sources.header(page, source);
    return [header, { page, source, sourceKey: this.keys.source(page.file, source, settingsHash, theme.hasher.hash(header.includes)) }];
  }

  loadedTheme(): LoadedTheme {
    this.theme ??= loadTheme({ themeDir: this.input.themeDir, siteRoot: this.input.root });
    return this.theme;
  }

  /** A file's text as this run read it, for quoting in reports. */
  sourceOf(file: string, site: { configSource: string | undefined; theme?: LoadedTheme }): string | undefined {
    if (file === CONFIG_FILE) return site.configSource;
    const text = this.sources.known(file);
    if (text !== undefined) return normalizeSource(text);
    const templates = site.theme?.templates;
    if (!templates) return undefined;
    const name = Object.keys(templates.sources).find((template) => (templates.files[template] ?? template) === file);
    return name === undefined ? undefined : templates.sources[name];
  }
}
