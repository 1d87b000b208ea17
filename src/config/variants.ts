import leven from 'leven';
import type { SiteConfig } from './schema.ts';

/** A variant as the build uses it: the config's entry with its defaults filled in and its metadata merged over the site's. */
export interface SiteVariant {
  name: string;
  label: string;
  /** Its URL segment (`self-hosted`); the default variant is also served without it. */
  path: string;
  default: boolean;
  status: 'current' | 'outdated' | 'preview';
  /** The site's metadata with the variant's own over it. */
  metadata: Record<string, unknown>;
}

/**
 * Where a link to a page starts in content rendered for a site with variants: the layout
 * puts the variant's path there (`self-hosted/`, or nothing for the default), so content
 * that reads nothing that differs between variants is rendered once for all of them. A
 * noncharacter, which Unicode keeps for a program's internal use: no text has it.
 */
export const VARIANT_PATH_MARK = '\uFDD0';

/** The site's variants, the default first; none for a site without `variants`. */
export function siteVariants(config: Pick<SiteConfig, 'metadata' | 'variants'>): SiteVariant[] {
  const variants = (config.variants ?? []).map((v) => ({
    name: v.name,
    label: v.label ?? v.name,
    path: v.path ?? v.name,
    default: v.default,
    status: v.status,
    metadata: { ...config.metadata, ...v.metadata },
  }));
  return [...variants.filter((v) => v.default), ...variants.filter((v) => !v.default)];
}

/** What a variant's URLs have after the base: `self-hosted/`, nothing for the default (and a site without variants). */
export function variantPrefix(variant: Pick<SiteVariant, 'default' | 'path'> | undefined): string {
  return variant && !variant.default ? `${variant.path}/` : '';
}

/** What to say of a variant name the site does not have: the near one, and the list. */
export function unknownVariant(name: string, names: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of names) {
    const distance = leven(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const list = names.map((n) => `"${n}"`).join(', ');
  return `unknown variant "${name}"${best ? `; did you mean "${best}"?` : ''} (the site's variants: ${list})`;
}
