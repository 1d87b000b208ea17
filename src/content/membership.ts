import { unknownVariant } from '../config/variants.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { PageSource } from './discover.ts';
import type { PageHeader } from './page-header.ts';

/** Which variants each page is in, by page index, with the problems of the `variants` lists. */
export interface VariantMembership {
  /** The names of the variants each page is in, in the site's order. */
  pages: string[][];
  diagnostics: Diagnostic[];
}

/**
 * Each page's variants: its own `variants` list, within its folder's. A folder's
 * `index.md` limits the whole folder (the home page, `content/index.md`, only itself: the
 * site's variants are the config's), and a page may narrow its folder's list, never widen
 * it. A name the site lacks, or one its folder does not allow, is an error at the name
 * and left out; a page left in no variant is a warning, as it is then built nowhere.
 */
export function variantMembership(pages: readonly PageSource[], headers: readonly PageHeader[], names: readonly string[]): VariantMembership {
  const diagnostics: Diagnostic[] = [];
  const indexOfFolder = new Map<string, number>();
  pages.forEach((page, i) => {
    const folder = folderIndexed(page.contentPath);
    if (folder !== undefined && folder !== '') indexOfFolder.set(folder, i);
  });

  const own = new Map<number, string[]>();
  const listed = (i: number): string[] | undefined => {
    const listing = headers[i]!.variants;
    if (!listing) return undefined;
    let list = own.get(i);
    if (!list) {
      list = [];
      for (const name of listing.names) {
        if (names.includes(name)) list.push(name);
        else diagnostics.push(at(pages[i]!, listing, name, names.length === 0 ? NO_VARIANTS : unknownVariant(name, names), 'variants/unknown'));
      }
      own.set(i, list);
    }
    return list;
  };

  // What each folder allows: its index page's list within its parent's, or its parent's.
  const allowed = new Map<string, { names: readonly string[]; by: number | undefined }>();
  const folderAllows = (folder: string): { names: readonly string[]; by: number | undefined } => {
    let known = allowed.get(folder);
    if (known) return known;
    const parent = folder === '' ? { names, by: undefined } : folderAllows(parentFolder(folder));
    const index = indexOfFolder.get(folder);
    known = index === undefined || !headers[index]!.variants ? parent : { names: within(index, parent), by: index };
    allowed.set(folder, known);
    return known;
  };
  // A page's list, less the names its folder does not allow (each reported).
  const within = (i: number, parent: { names: readonly string[]; by: number | undefined }): string[] =>
    listed(i)!.filter((name) => {
      if (parent.names.includes(name)) return true;
      const limiter = parent.by === undefined ? undefined : pages[parent.by]!;
      const listing = headers[i]!.variants!;
      diagnostics.push(at(pages[i]!, listing, name, `"${name}" widens the variants of its folder: ${limiter?.file ?? 'the folder'} limits it to ${parent.names.map((n) => `"${n}"`).join(', ') || 'none'}; a page can narrow its folder's variants, not add to them`, 'variants/widens'));
      return false;
    });

  const membership = pages.map((page, i) => {
    const folder = folderIndexed(page.contentPath);
    // An index page is its folder's limit; any other page is within its folder's.
    const result = folder !== undefined && folder !== '' ? folderAllows(folder).names : headers[i]!.variants ? within(i, folderAllows(folderOf(page.contentPath))) : folderAllows(folderOf(page.contentPath)).names;
    if (result.length === 0 && names.length > 0) {
      diagnostics.push({ file: page.file, line: headers[i]!.variants?.line ?? 1, column: 1, severity: 'warning', message: 'this page is in no variant, so it is built in none: list at least one of its folder\'s variants, or delete the page', rule: 'variants/none' });
    }
    return names.filter((name) => result.includes(name));
  });
  return { pages: membership, diagnostics };
}

const NO_VARIANTS = 'this site has no variants, so a page cannot be limited to some: add `variants` to site.config.ts, or remove this list';

/** The folder an `index.md` stands for (`api/index.md` → `api`, `index.md` → ''), or undefined for another page. */
function folderIndexed(contentPath: string): string | undefined {
  if (contentPath === 'index.md') return '';
  return contentPath.endsWith('/index.md') ? contentPath.slice(0, -'/index.md'.length) : undefined;
}

function folderOf(contentPath: string): string {
  const slash = contentPath.lastIndexOf('/');
  return slash === -1 ? '' : contentPath.slice(0, slash);
}

function parentFolder(folder: string): string {
  return folderOf(folder);
}

function at(page: PageSource, listing: NonNullable<PageHeader['variants']>, name: string, message: string, rule: RuleId): Diagnostic {
  const item = listing.items.find((candidate) => candidate.text === name);
  return { file: page.file, line: item?.line ?? listing.line, column: item?.column ?? 1, severity: 'error', message, rule };
}
