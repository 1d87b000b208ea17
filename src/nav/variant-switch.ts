import { variantPrefix, type SiteVariant } from '../config/variants.ts';

/** One entry of a page's variant switcher: what a theme draws its own from (`variants` in layouts). */
export interface VariantLink {
  name: string;
  label: string;
  status: SiteVariant['status'];
  default: boolean;
  /** This page in that variant; where it is not there, the nearest folder above it that is, or the variant's home. */
  href: string;
  /** The variant of the page being laid out. */
  current: boolean;
  /** The page is not in that variant: `href` leads elsewhere. */
  missing: boolean;
}

/**
 * Where each variant has pages, to link a page to itself in every other variant: the
 * switcher never lands on a 404, and says so when the page is not in the variant.
 */
export class VariantSwitch {
  /** By variant name: the URLs (without base) of its pages and of every folder above them, which has a page there (its own, or a generated landing page). */
  private readonly present = new Map<string, { pages: Set<string>; folders: Set<string> }>();

  constructor(
    private readonly variants: readonly SiteVariant[],
    private readonly base: string,
    pageUrls: ReadonlyMap<string, readonly string[]>,
  ) {
    for (const variant of variants) {
      const pages = new Set(pageUrls.get(variant.name) ?? []);
      const folders = new Set<string>(['/']);
      for (const url of pages) for (let at = url.lastIndexOf('/', url.length - 2); at > 0; at = url.lastIndexOf('/', at - 1)) folders.add(url.slice(0, at + 1));
      this.present.set(variant.name, { pages, folders });
    }
  }

  /** Every variant's link for the page at `url` (without base), seen from `current`. */
  linksFor(url: string, current: SiteVariant | undefined): VariantLink[] {
    return this.variants.map((variant) => {
      const present = this.present.get(variant.name)!;
      // A folder with pages in the variant has a page of its own there, or a generated landing page.
      const target = present.pages.has(url) || present.folders.has(url) ? url : nearestFolder(url, present);
      return {
        name: variant.name,
        label: variant.label,
        status: variant.status,
        default: variant.default,
        href: this.base + variantPrefix(variant) + target.slice(1),
        current: variant.name === current?.name,
        missing: target !== url,
      };
    });
  }
}

function nearestFolder(url: string, present: { pages: Set<string>; folders: Set<string> }): string {
  for (let at = url.lastIndexOf('/', url.length - 2); at > 0; at = url.lastIndexOf('/', at - 1)) {
    const folder = url.slice(0, at + 1);
    if (present.pages.has(folder) || present.folders.has(folder)) return folder;
  }
  return '/';
}

/** What layouts get: the page's variant and every variant's link, or nothing on a site without variants. */
export function switcherScope(switcher: VariantSwitch | undefined, url: string, current: SiteVariant | undefined): { variant: VariantLink; variants: VariantLink[] } | undefined {
  const variants = switcher?.linksFor(url, current);
  const variant = variants?.find((link) => link.current);
  return variant && variants && { variant, variants };
}
