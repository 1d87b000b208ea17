import type { SiteVariant } from '../config/variants.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';

/**
 * One report per problem, however many variants found it: the same problem at the same
 * place becomes one diagnostic naming its variants. A problem found in only some variants
 * says which (a link to a page those variants lack, a placeholder only other variants
 * define); one found in all of them reads as on a site without variants.
 */
export function mergeVariantDiagnostics(diagnostics: readonly Diagnostic[], variants: readonly SiteVariant[]): Diagnostic[] {
  const order = new Map(variants.map((variant, i) => [variant.name, i]));
  const merged = new Map<string, Diagnostic>();
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.variants) {
      result.push(diagnostic);
      continue;
    }
    const key = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}:${diagnostic.rule}:${diagnostic.message}`;
    const known = merged.get(key);
    if (known) {
      for (const name of diagnostic.variants) if (!known.variants!.includes(name)) known.variants!.push(name);
      continue;
    }
    const copy = { ...diagnostic, variants: [...diagnostic.variants] };
    merged.set(key, copy);
    result.push(copy);
  }
  for (const diagnostic of merged.values()) {
    diagnostic.variants!.sort((a, b) => order.get(a)! - order.get(b)!);
    diagnostic.message = withVariants(diagnostic, variants);
  }
  return result;
}

function withVariants(diagnostic: Diagnostic, variants: readonly SiteVariant[]): string {
  const names = diagnostic.variants!;
  const named = `variant${names.length === 1 ? '' : 's'} ${listOf(names)}`;
  if (diagnostic.rule === 'links/missing-in-variant') return diagnostic.message.replace(/which is not in this variant$/, `which is not in ${named}`);
  if (names.length === variants.length) return diagnostic.message;
  const key = diagnostic.rule === 'liquid/undefined-variable' ? /^undefined placeholder "(?:page|site)\.metadata\.([^".[\]]+)/.exec(diagnostic.message)?.[1] : undefined;
  const defining = key === undefined ? [] : variants.filter((variant) => Object.hasOwn(variant.metadata, key)).map((variant) => variant.name);
  if (defining.length > 0) return `${diagnostic.message} (in ${named}; only ${listOf(defining)} define${defining.length === 1 ? 's' : ''} "${key}": add it to the metadata of ${listOf(names)}, or put the text in an ifvariant block)`;
  return `${diagnostic.message} (in ${named})`;
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
