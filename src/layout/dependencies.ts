import { partialNames } from '../content/includes.ts';
import { hashOf } from '../hashing/hash.ts';
import type { TemplateSet } from '../template/templates.ts';

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
