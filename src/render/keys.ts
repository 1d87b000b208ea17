import { hashOf } from './cache.ts';

/**
 * Cache keys per page, memoised: hashing every source on every dev rebuild would cost
 * more than the rebuild itself.
 */
export class RenderKeys {
  private readonly contents = new Map<string, { source: string; inputs: string; key: string }>();
  private readonly pages = new Map<string, { inputs: string; key: string }>();

  /** Hash of what a page's content depends on: its source and the given inputs. */
  content(file: string, source: string, ...inputs: string[]): string {
    const id = inputs.join('\n');
    const known = this.contents.get(file);
    if (known && known.source === source && known.inputs === id) return known.key;
    const key = hashOf('content', ...inputs, file, source);
    this.contents.set(file, { source, inputs: id, key });
    return key;
  }

  /** Hash of what a whole page depends on: its content key and the given inputs. */
  page(file: string, ...inputs: string[]): string {
    const id = inputs.join('\n');
    const known = this.pages.get(file);
    if (known?.inputs === id) return known.key;
    const key = hashOf('page', ...inputs);
    this.pages.set(file, { inputs: id, key });
    return key;
  }
}
