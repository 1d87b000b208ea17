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

/** The "Edit this page" link under each page. */
const editLink = z.strictObject({
  /**
   * The address that edits a page's source, with `:path` where its path goes. `:path` is the
   * path from the site folder (the one holding `site.config.ts`, or `--root`), such as
   * `content/api/users.md`; for a site in a folder of its repository, put that folder in
   * the pattern: `https://github.com/acme/product/edit/main/docs/:path`.
   */
  pattern: z.url().refine((pattern) => pattern.includes(':path'), 'must contain ":path" where the page\'s source path goes, like "https://github.com/acme/docs/edit/main/:path"'),
  /** The link's text. @default "Edit this page" */
  text: z.string().min(1).default('Edit this page'),
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
   * An "Edit this page" link under every page, to its source in the repository. A page's
   * frontmatter `editLink: false` leaves it out. Layouts read `page.editUrl` (or nothing)
   * and `page.editText`.
   * @example { pattern: 'https://github.com/acme/docs/edit/main/:path', text: 'Suggest a change' }
   */
  editLink: editLink.optional(),
  /**
   * Under every page, the date of the last git commit that changed its source (the
   * committer's date, shown in UTC). The build reads every file's date with one `git log`
   * over the site folder, once for each commit checked out (the cache keeps the answer);
   * the dev server reads them when it starts, so a commit made while it runs shows after
   * a restart. A page not committed yet, or a site outside a git
   * repository or built where git is missing, shows no date, and the build goes on. In a
   * shallow clone (CI's `fetch-depth: 1`), a page last changed before the clone's oldest
   * commit cannot be dated: it shows none, and the build warns; fetch the whole history
   * (`fetch-depth: 0`) to date every page. Layouts read `page.lastUpdated` (an ISO 8601
   * time, for `<time datetime>`) and `page.lastUpdatedText` (`March 14, 2026`), or nothing.
   * @default false
   */
  lastUpdated: z.boolean().default(false),
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
   * Whether each page is also written as Markdown at its URL with `.md` (`/api/users.md`:
   * placeholders resolved, links leading to the other pages' `.md`), with `/llms.txt`
   * listing every page as the sidebar does and `/llms-full.txt` holding them all
   * (llmstxt.org), and a "Copy page" button in the theme: for readers who ask an AI
   * assistant about the docs.
   * @default true
   */
  llms: z.boolean().default(true),
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
