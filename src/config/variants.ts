import { closest } from '../diagnostics/closest.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../diagnostics/position.ts';
import { CONFIG_FILE, configKeyPosition, locateKey, navEntriesAt } from './load.ts';
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
  if (names.length === 0) return `"${name}" is not a variant: this site has no variants (add \`variants\` to site.config.ts)`;
  const best = closest(name, names);
  const list = names.map((n) => `"${n}"`).join(', ');
  return `unknown variant "${name}"${best ? `; did you mean "${best}"?` : ''} (the site's variants: ${list})`;
}

/**
 * Variant paths that the site's own content uses at its top level (`content/cloud/`): the
 * variant's pages (or the default's redirects) would land on the writer's. An error at the
 * variant's key in site.config.ts.
 */
export function variantPathCollisions(config: Pick<SiteConfig, 'variants'>, outputPaths: Iterable<string>, configSource: string | undefined): Diagnostic[] {
  if (!config.variants) return [];
  const topLevel = new Set<string>();
  for (const outputPath of outputPaths) {
    const slash = outputPath.indexOf('/');
    if (slash !== -1) topLevel.add(outputPath.slice(0, slash));
  }
  const lines = new LineIndex(configSource ?? '');
  return config.variants.flatMap((variant, index) => {
    const path = variant.path ?? variant.name;
    if (!topLevel.has(path)) return [];
    const key = variant.path === undefined ? 'name' : 'path';
    const at = lines.positionAt(locateKey(configSource ?? '', ['variants', String(index), key]));
    const what = variant.default ? "the default variant's pages are also served there (as redirects)" : "the variant's pages go there";
    return [{ file: CONFIG_FILE, ...at, severity: 'error' as const, message: `variant path "${path}" is a folder of content/ too, and ${what}: give the variant a \`path\` of its own, or rename content/${path}/`, rule: 'config/invalid-value' }];
  });
}

/**
 * Entries of the configured sidebar that link to a page no variant has (its `variants`
 * list left it in none): an error at the entry's link in site.config.ts, since no variant's
 * sidebar can show it.
 */
export function navEntriesInNoVariant(config: Pick<SiteConfig, 'nav'>, inNoVariant: (link: string) => boolean, configSource: string | undefined): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { item, at } of navEntriesAt(config.nav)) {
    if (item.link === undefined || !inNoVariant(item.link)) continue;
    found.push({ file: CONFIG_FILE, ...configKeyPosition(configSource, [...at, 'link']), severity: 'error', message: `sidebar entry "${item.text}" links to "${item.link}", a page in no variant: list a variant in its \`variants\`, or remove the entry`, rule: 'variants/none' });
  }
  return found;
}
