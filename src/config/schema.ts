import { z } from 'zod';

/** A placeholder value: what `{{ page.metadata.x }}` may print or iterate over. */
const metadataValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(metadataValue), z.record(z.string(), metadataValue)]),
);

const navItem: z.ZodType<NavItemInput> = z.lazy(() =>
  z.strictObject({
    text: z.string(),
    link: z.string().optional(),
    items: z.array(navItem).optional(),
  }),
);

/** One entry of the sidebar: a link, or a titled group of entries. */
export interface NavItemInput {
  text: string;
  link?: string | undefined;
  items?: NavItemInput[] | undefined;
}

/**
 * The schema of `site.config.ts`. Strict: an unknown key is an error, because a
 * misspelt option silently ignored is worse than a failed build.
 */
export const configSchema = z.strictObject({
  /**
   * The site's name, shown in the header and the browser tab.
   * @default "Documentation"
   */
  title: z.string().min(1).default('Documentation'),
  /**
   * The site's one-line description, used when a page has none.
   * @default ""
   */
  description: z.string().default(''),
  /**
   * Placeholder values, read in pages as `{{ page.metadata.key }}`.
   * A page can override any of them in its frontmatter under `metadata:`.
   * @example { product_name: 'DataFlow', api_base_url: 'https://api.example.com/v1' }
   * @default {}
   */
  metadata: z.record(z.string(), metadataValue).default({}),
  /**
   * The URL path the site is served from, such as `/docs/`.
   * @default "/"
   */
  base: z
    .string()
    .regex(/^\/(?:[^/?#\s]+\/)*$/, 'must start and end with "/", like "/docs/"')
    .default('/'),
  /**
   * The public origin of the site (`https://docs.example.com`), for the sitemap and canonical links.
   */
  siteUrl: z.url().optional(),
  /**
   * The sidebar. When absent, it is built from the content tree.
   */
  nav: z.array(navItem).optional(),
  /**
   * What a link to a missing page or #anchor is: an error fails the build.
   * @default "error"
   */
  brokenLinks: z.enum(['error', 'warning']).default('error'),
});

/** What a writer may put in `site.config.ts` (every field optional). */
export type SiteConfigInput = z.input<typeof configSchema>;
/** The config after defaults are applied: what the build reads. */
export type SiteConfig = z.output<typeof configSchema>;

/** The config of a site that has no `site.config.ts`. */
export const defaultConfig: SiteConfig = configSchema.parse({});
