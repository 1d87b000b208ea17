/**
 * The site's pages by URL, and every page's internal links as page numbers: what the
 * link and reachability checks look up tens of thousands of times a build. A dev
 * server keeps one between rebuilds, and pages that did not change keep their link
 * arrays, so their links are resolved once, not on every save (resolving 26,000 links
 * by URL took 15 ms, mostly hashing and comparing URL strings).
 */
export class LinkIndex {
  private urls: readonly string[] = [];
  private files: readonly string[] = [];
  private byUrl = new Map<string, number>();
  /** Bumped whenever the page list changes, which makes every resolved link stale. */
  private pageListChanges = 0;
  private readonly resolved = new WeakMap<object, { generation: number; targets: Int32Array }>();
  /** The same answers by page number, looked up first: cheaper than the weak map, which a dev save asked twice for each of 16,000 pages. */
  private readonly atPage: Array<{ links: object; generation: number; targets: Int32Array } | undefined> = [];

  /** Takes this run's pages; a no-op when their URLs and files are those of the last run, in the same order. */
  update(pages: ReadonlyArray<{ url: string; file: string }>): this {
    // Files too: `guide/README.md` renamed `guide/index.md` keeps the URL, but a did-you-mean names the file.
    if (pages.length === this.urls.length && pages.every((page, i) => page.url === this.urls[i] && page.file === this.files[i])) return this;
    this.urls = pages.map((page) => page.url);
    this.files = pages.map((page) => page.file);
    this.byUrl = new Map(this.urls.map((url, i) => [url, i]));
    this.pageListChanges++;
    return this;
  }

  /** Changes whenever the page list changes: page numbers of an older generation mean other pages. */
  get generation(): number {
    return this.pageListChanges;
  }

  /** Every URL, in page order. */
  get pageUrls(): readonly string[] {
    return this.urls;
  }

  pageOf(url: string): number | undefined {
    return this.byUrl.get(url);
  }

  /**
   * For each link: the number of the page it points to, or -1 (external, a file, or no
   * such page). `page`: the number of the page whose links these are, when known.
   */
  targetsOf(links: ReadonlyArray<{ kind: string; target: string }>, page?: number): Int32Array {
    const atPage = page === undefined ? undefined : this.atPage[page];
    if (atPage !== undefined && atPage.links === links && atPage.generation === this.pageListChanges) return atPage.targets;
    let known = this.resolved.get(links);
    if (!known || known.generation !== this.pageListChanges) {
      known = { generation: this.pageListChanges, targets: Int32Array.from(links, (link) => (link.kind === 'page' ? (this.byUrl.get(link.target) ?? -1) : -1)) };
      this.resolved.set(links, known);
    }
    if (page !== undefined) this.atPage[page] = { links, ...known };
    return known.targets;
  }
}
