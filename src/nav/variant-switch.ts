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
  /**
   * @param present by variant name, the URLs (without base) it has a page at: its pages and
   *   its generated landing pages, in reading order (the first is its home when it has no `/`).
   */
  constructor(
    private readonly variants: readonly SiteVariant[],
    private readonly base: string,
    private readonly present: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /** Whether the variant has a page at `url` (without base). */
  has(name: string, url: string): boolean {
    return this.present.get(name)?.has(url) ?? false;
  }

  /** Every variant's link for the page at `url` (without base), seen from `current`. */
  linksFor(url: string, current: SiteVariant | undefined): VariantLink[] {
    return this.variants.map((variant) => {
      const present = this.present.get(variant.name) ?? new Set<string>();
      const target = present.has(url) ? url : nearestPresent(url, present);
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

/** The nearest folder above `url` that has a page, else the home page, else the variant's first page. */
function nearestPresent(url: string, present: ReadonlySet<string>): string {
  for (let at = url.lastIndexOf('/', url.length - 2); at > 0; at = url.lastIndexOf('/', at - 1)) {
    const folder = url.slice(0, at + 1);
    if (present.has(folder)) return folder;
  }
  if (present.has('/')) return '/';
  for (const first of present) return first;
  return '/';
}

/** What layouts get: the page's variant and every variant's link, or nothing on a site without variants. */
export function switcherScope(switcher: VariantSwitch | undefined, url: string, current: SiteVariant | undefined): { variant: VariantLink; variants: VariantLink[] } | undefined {
  const variants = switcher?.linksFor(url, current);
  const variant = variants?.find((link) => link.current);
  return variant && variants && { variant, variants };
}
