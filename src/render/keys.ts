import { hashOf } from '../hashing/hash.ts';

/**
 * Cache keys per page, memoised: hashing every source on every dev rebuild would cost
 * more than the rebuild itself.
 */
export class RenderKeys {
  private readonly sources = new Map<string, { source: string; inputs: string[]; key: string }>();

  /** Hash of what a page's content depends on apart from the metadata: its source and the given inputs. */
  source(file: string, source: string, ...inputs: string[]): string {
    const known = this.sources.get(file);
    if (known && known.source === source && sameStrings(known.inputs, inputs)) return known.key;
    const key = hashOf('source', ...inputs, file, source);
    this.sources.set(file, { source, inputs, key });
    return key;
  }
}

/** Whether two lists hold the same strings in the same order. */
export function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
