import path from 'node:path/posix';

/** Values of the placeholders the pages use. */
export const METADATA = {
  product_name: 'DataFlow',
  product_version: 'v2.4.0',
  api_base_url: 'https://api.dataflow.example.com/v1',
  release_date: '2026-11-02',
  support_email: 'support@dataflow.example.com',
} as const;

export type MetadataKey = keyof typeof METADATA;

/** Where a page lives, as far as links are concerned. */
export interface Linkable {
  /** Relative to content/: `users/user-sessions.md`, `users/index.md`, `index.md`. */
  contentPath: string;
  /** The URL path both generators give it: `/users/user-sessions/`. */
  url: string;
}

/** The only two things that differ between the two copies of a page. */
export interface Dialect {
  name: 'docsmith' | 'eleventy';
  placeholder(key: MetadataKey): string;
  /** A relative link from one page to another, optionally to a heading on it. */
  link(from: Linkable, to: Linkable, anchor?: string): string;
}

const hash = (anchor?: string) => (anchor ? `#${anchor}` : '');

export const dialects = {
  /** Links between source files (`../teams/team-roles.md#list-team-roles`), as docsmith writers write them. */
  docsmith: {
    name: 'docsmith',
    placeholder: (key) => `{{ page.metadata.${key} }}`,
    link: (from, to, anchor) => path.relative(path.dirname(from.contentPath), to.contentPath) + hash(anchor),
  },
  /**
   * Eleventy leaves hrefs alone, so links are written between output URLs
   * (`../../teams/team-roles/#list-team-roles`) and land on the same page.
   */
  eleventy: {
    name: 'eleventy',
    placeholder: (key) => `{{ metadata.${key} }}`,
    link: (from, to, anchor) => {
      const relative = path.relative(from.url, to.url);
      return (relative === '' ? './' : `${relative}/`) + hash(anchor);
    },
  },
} satisfies Record<string, Dialect>;
