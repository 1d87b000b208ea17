import { hashOf } from '../hashing/hash.ts';

/**
 * Cache keys per page, memoised: hashing every source on every dev rebuild would cost
 * more than the rebuild itself.
 */
export class RenderKeys {
  private readonly contents = new Map<string, { source: string; inputs: string[]; key: string }>();
  private readonly pages = new Map<string, { inputs: string[]; key: string }>();

  /** Hash of what a page's content depends on: its source and the given inputs. */
  content(file: string, source: string, ...inputs: string[]): string {
    const known = this.contents.get(file);
    if (known && known.source === source && sameStrings(known.inputs, inputs)) return known.key;
    const key = hashOf('content', ...inputs, file, source);
    this.contents.set(file, { source, inputs, key });
    return key;
  }

  /** Hash of what a whole page depends on: its content key and the given inputs. */
  page(file: string, ...inputs: string[]): string {
    const known = this.pages.get(file);
    if (known && sameStrings(known.inputs, inputs)) return known.key;
    const key = hashOf('page', ...inputs);
    this.pages.set(file, { inputs, key });
    return key;
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
