import { z } from 'zod';

/** A placeholder value: what `{{ page.metadata.x }}` may print or iterate over. */
const metadataValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(metadataValue), z.record(z.string(), metadataValue)]),
);

const navItem: z.ZodType<NavItemInput> = z.lazy(() =>
  z.strictObject({
    /** What the sidebar shows. */
    text: z.string(),
    /** A content file (`api/users.md`, like links in pages), a site path (`/api/`) or a URL. A group without one gets a landing page. */
    link: z.string().optional(),
    /** The entries of a group, written the same way. */
    items: z.array(navItem).optional(),
  }),
);

/** One entry of the sidebar: a link, or a titled group of entries. */
export interface NavItemInput {
  text: string;
  link?: string | undefined;
  items?: NavItemInput[] | undefined;
}

/** A variant's name and URL segment: `cloud`, `v2.4`, `self-hosted`. */
const variantSegment = z.string().regex(/^[a-z0-9._-]+$/, 'must be lowercase letters, digits, ".", "_" or "-", such as "cloud" or "v2.4"');

/**
 * One variant of the site: an edition or a version built from the same sources, with
 * metadata of its own merged over the site's.
 */
const variant = z.strictObject({
  /** What pages (`variants: [cloud]`) and `{% ifvariant %}` call it. */
  name: variantSegment,
  /** What readers see in the switcher. @default the name */
  label: z.string().min(1).optional(),
  /** Its URL segment: `/self-hosted/api/users/`. @default the name */
  path: variantSegment.optional(),
  /** The variant served at the site's own URLs. Exactly one variant is the default. */
  default: z.boolean().default(false),
  /** `outdated` pages carry a banner pointing at the default variant; `preview` pages are not indexed. @default "current" */
  status: z.enum(['current', 'outdated', 'preview']).default('current'),
  /** Placeholder values of this variant, merged over the site's `metadata`. */
  metadata: z.record(z.string(), metadataValue).default({}),
});

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
   * The site's one-line description, used when a page has none (the meta description and
   * `og:description` of link previews).
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
   * The URL path the site is served from, such as `/docs/`. Every link, asset, the search
   * index and search results follow it; links in pages are written as usual (`./api/users.md`,
   * `/api/users/`) and gain the base when built.
   * @default "/"
   */
  base: z
    .string()
    .regex(/^\/(?:[^/?#\s]+\/)*$/, 'must start and end with "/", like "/docs/"')
    .default('/'),
  /**
   * The public origin of the site (`https://docs.example.com`). With it the build writes
   * `sitemap.xml` and gives pages absolute canonical links and `og:url`, and `image` files
   * an absolute address.
   */
  siteUrl: z.url().optional(),
  /**
   * The image link previews (Open Graph, Twitter/X cards) show for every page that has no
   * frontmatter `image:` of its own: an absolute URL, or a file in content/ written from
   * content/ (`images/card.png`). A missing file is an error here, like a missing image
   * in a page; a file needs `siteUrl`, since previews only follow absolute addresses.
   */
  image: z.string().min(1).optional(),
  /**
   * The sidebar, as a list of links and groups. When absent, the sidebar is the content
   * tree: the home page, then each folder as a group, ordered by frontmatter `order`, then title.
   */
  nav: z.array(navItem).optional(),
  /**
   * What a link to a missing page, `#anchor`, file or image is: `"error"` fails the build,
   * `"warning"` reports it and builds (useful while migrating a site).
   * @default "error"
   */
  brokenLinks: z.enum(['error', 'warning']).default('error'),
  /**
   * Editions or versions built from the same sources (`DataFlow Cloud`, `Self-hosted`,
   * `v1`), each a whole site: the default at the site's URLs, the others under their path.
   */
  variants: z.array(variant).min(1).optional(),
}).superRefine((config, context) => {
  const variants = config.variants ?? [];
  const defaults = variants.flatMap((v, index) => (v.default ? [index] : []));
  if (variants.length > 0 && defaults.length === 0) context.addIssue({ code: 'custom', path: ['variants'], message: 'one variant must be the default: add `default: true` to the one served at the site\'s own URLs' });
  for (const index of defaults.slice(1)) context.addIssue({ code: 'custom', path: ['variants', index, 'default'], message: `only one variant can be the default, and "${variants[defaults[0]!]!.name}" is already` });
  const seen = { name: new Map<string, number>(), path: new Map<string, number>() };
  variants.forEach((v, index) => {
    for (const [key, value] of [['name', v.name], ['path', v.path ?? v.name]] as const) {
      const first = seen[key].get(value);
      if (first !== undefined) context.addIssue({ code: 'custom', path: ['variants', index, v.path === undefined ? 'name' : key], message: `variant ${key} "${value}" is already used by variant "${variants[first]!.name}"` });
      else seen[key].set(value, index);
    }
    const path = v.path ?? v.name;
    if (Object.hasOwn(RESERVED_PATHS, path)) context.addIssue({ code: 'custom', path: ['variants', index, v.path === undefined ? 'name' : 'path'], message: `variant path "${path}" is where the site keeps its ${RESERVED_PATHS[path]}: give the variant a \`path\` of its own` });
  });
});

/** URL segments the built site uses itself. */
const RESERVED_PATHS: Readonly<Record<string, string>> = { assets: 'theme files', pagefind: 'search index' };

/** What a writer may put in `site.config.ts` (every field optional). */
export type SiteConfigInput = z.input<typeof configSchema>;
/** The config after defaults are applied: what the build reads. */
export type SiteConfig = z.output<typeof configSchema>;

/** The config of a site that has no `site.config.ts`. */
export const defaultConfig: SiteConfig = configSchema.parse({});
