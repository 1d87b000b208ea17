import { hashOf } from '../hashing/hash.ts';

/**
 * The site metadata keys a page's content read, or `'*'` for all of it. A page's
 * rendered content is a function of its source, the site's settings, its includes and
 * these values alone, so its cache key names these values and no others: editing a value
 * re-renders the pages that read it, not the site (the way ccache's manifests and
 * Bazel's dependency discovery key a result by what it turned out to read).
 */
export type MetadataReads = string[] | '*';

/**
 * What a page read of the metadata, from the variable paths liquidjs's analysis found in
 * its body and partials (`page.metadata.api_base_url`, `site.metadata['a b']`). Anything
 * that could reach a key by a name not written out (`page.metadata[k]`, a loop over
 * `page.metadata`, `{{ page | json }}`) reads all of it; so does a page with a placeholder
 * problem, whose hint suggests from every key the page could have meant.
 */
export function metadataReads(record: { placeholders: readonly string[]; diagnostics: ReadonlyArray<{ rule: string }> }): MetadataReads {
  if (record.diagnostics.some((diagnostic) => diagnostic.rule.startsWith('liquid/'))) return '*';
  const keys = new Set<string>();
  for (const path of record.placeholders) {
    const read = metadataKeyRead(path);
    if (read === '*') return '*';
    if (read !== undefined) keys.add(read);
  }
  return [...keys].sort();
}

/**
 * What stands for the variant among the keys read: `variant.*`, an `ifvariant` tag,
 * `page.url` and `site.home` (the variant's path is in them) differ between variants when
 * no metadata does.
 */
export const VARIANT_READ = '@variant';

/** The metadata key a variable path reads (or the variant), `'*'` for any, `undefined` for none. */
function metadataKeyRead(path: string): string | '*' | undefined {
  if (/^variant(?=$|[.[])/.test(path) || path === 'page.url' || path === 'page.markdown_url' || path === 'page.canonical' || path === 'page.noindex' || path === 'site.home') return VARIANT_READ;
  const root = /^(?:page|site)(?=$|[.[])/.exec(path);
  if (!root) return undefined;
  const rest = path.slice(root[0].length);
  if (rest === '' || rest.startsWith('[')) return '*';
  if (!rest.startsWith('.metadata')) return undefined;
  const after = rest.slice('.metadata'.length);
  if (after === '') return '*';
  const named = /^\.([^.[\]]+)/.exec(after) ?? /^\[(?:'([^']*)'|"([^"]*)")\]/.exec(after);
  // A metadata key spelt like the variant's marker is read with everything else.
  if (named) return (named[1] ?? named[2]) === VARIANT_READ ? '*' : (named[1] ?? named[2]);
  // `page.metadata[k]`, or something else this reading of liquidjs's paths does not know.
  return after.startsWith('[') || after.startsWith('.') ? '*' : undefined;
}

/**
 * Cache keys of rendered content: a page's source key (everything but the metadata)
 * completed by the values of the metadata keys it read. Holds one site's metadata, with
 * each value's text made once for all its pages.
 */
export class ContentKeys {
  private readonly values = new Map<string, string>();
  private whole: string | undefined;

  /** `variant`: the variant rendered (its name, label, path, status), for pages that read it. */
  constructor(
    readonly metadata: Readonly<Record<string, unknown>>,
    private readonly variant?: object,
  ) {}

  /** The key the content of a page with this source key is stored under, given what it reads. */
  contentKey(sourceKey: string, reads: MetadataReads): string {
    if (reads === '*') return hashOf('content', sourceKey, '*', (this.whole ??= JSON.stringify(this.metadata)), this.valueOf(VARIANT_READ));
    return hashOf('content', sourceKey, ...reads.flatMap((key) => [key, this.valueOf(key)]));
  }

  /** Where what a page with this source key read is stored: it is the same in every run until the source key changes. */
  readsKey(sourceKey: string): string {
    return hashOf('reads', sourceKey);
  }

  private valueOf(key: string): string {
    let value = this.values.get(key);
    if (value === undefined && key === VARIANT_READ) {
      value = this.variant ? `=${JSON.stringify(this.variant)}` : '∅';
      this.values.set(key, value);
    }
    if (value === undefined) {
      // A key the metadata lacks is read as missing (the page then reports it), unlike any value.
      value = Object.hasOwn(this.metadata, key) ? `=${JSON.stringify(this.metadata[key])}` : '∅';
      this.values.set(key, value);
    }
    return value;
  }
}
