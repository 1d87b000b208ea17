import { hashOf } from '../hashing/hash.ts';
import type { TemplateSet } from './templates.ts';

// Partial names are always quoted literals (confine.ts refuses anything else), so a
// scan of the text finds every template a template or page can pull in.
const PARTIAL_TAG = /\{%-?\s*(?:include|render|layout)\s+(["'])([^"']+)\1/g;

/** Template names (`partials/note.liquid`) included by a template or page body. */
export function partialNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PARTIAL_TAG)) names.add(`${match[2]}.liquid`);
  return [...names].sort();
}

/** Every template reachable from the given ones through include/render/layout. */
export function templateClosure(templates: TemplateSet, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = templates.sources[name];
    if (text !== undefined) for (const child of partialNames(text)) visit(child);
  };
  for (const root of roots) visit(root);
  return [...seen].sort();
}

/**
 * Hashes exactly the templates a page's output depends on, so that editing a layout
 * invalidates the pages that use it and no others. Memoised per root set.
 */
export class TemplateHasher {
  private readonly memo = new Map<string, string>();
  private readonly layouts = new Map<string, string>();
  /** By the array itself too: a page header keeps its list while the page's includes stay the same (dev rebuilds). */
  private readonly byList = new WeakMap<readonly string[], string>();
  constructor(private readonly templates: TemplateSet) {}

  hash(roots: readonly string[]): string {
    let hash = this.byList.get(roots);
    if (hash !== undefined) return hash;
    const id = roots.join('\n');
    hash = this.memo.get(id);
    if (hash === undefined) {
      const names = templateClosure(this.templates, roots);
      hash = hashOf(...names.flatMap((name) => [name, this.templates.sources[name] ?? '(missing)']));
      this.memo.set(id, hash);
    }
    this.byList.set(roots, hash);
    return hash;
  }

  /** The hash of a layout (`layout`, `wide`) and the partials it includes. */
  layout(name: string): string {
    let hash = this.layouts.get(name);
    if (hash === undefined) this.layouts.set(name, (hash = this.hash([`${name}.liquid`])));
    return hash;
  }
}
