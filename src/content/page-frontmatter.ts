import { z } from 'zod';

/**
 * The frontmatter keys the generator reads. Any other key is kept and reachable in
 * templates as `page.<key>`, so writers can add their own.
 */
export const pageFrontmatterSchema = z.looseObject({
  /** The page title: `<title>`, the sidebar, search results. Defaults to the first `# heading`. */
  title: z.string().optional(),
  /** The meta description, and the excerpt in link previews. */
  description: z.string().optional(),
  /** A template in templates/, without `.liquid`. @default "layout" */
  layout: z.string().regex(/^[\w-]+(?:\/[\w-]+)*$/, 'must be a template name such as "layout" or "wide"').optional(),
  /** `false` turns placeholders off for this page: its `{{ }}` print as written. @default true */
  templating: z.boolean().optional(),
  /** Position among its siblings in the sidebar (lower first), then by title. */
  order: z.number().optional(),
  /**
   * The variants this page is in (`[cloud, v1]`); absent, all of its folder's. A folder's
   * `index.md` limits its whole folder, and a page may narrow that, never widen it.
   */
  variants: z.union([z.string(), z.array(z.string())]).optional(),
  /**
   * The image link previews show for this page (`og:image`), in place of the config's: a
   * file written as a markdown image is (`./images/card.png`, from this page), or an
   * absolute URL.
   */
  image: z.string().min(1).optional(),
  /** `false` leaves out the config's "Edit this page" link under this page. @default true */
  editLink: z.boolean().optional(),
  /** Placeholder values for this page, merged over the site's `metadata`. */
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** The page's address for search engines, when it is not its own (a copy of a page kept elsewhere). @default its own URL under `siteUrl` */
  canonical: z.string().optional(),
  /** `true` asks search engines not to index the page. @default false (true in a `preview` variant) */
  noindex: z.boolean().optional(),
});

export type PageFrontmatter = z.output<typeof pageFrontmatterSchema>;
