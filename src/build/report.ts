import { compareDiagnostics, hasErrors, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.ts';
import type { Writer } from '../output/writer.ts';
import type { BuildResult } from './options.ts';

/** The end of every run: commit when nothing failed (a broken build never replaces a good site), else throw the output away. */
export function finish(result: Omit<BuildResult, 'written' | 'sources'> & { writer: Writer; sourceOf: (file: string) => string | undefined }): BuildResult {
  const { writer, sourceOf, ...rest } = result;
  const diagnostics = mergeRepeated(rest.diagnostics).sort(compareDiagnostics);
  const failed = hasErrors(diagnostics);
  if (failed) writer.abort();
  else writer.commit();
  const sources = new Map<string, string>();
  for (const { file } of diagnostics) {
    const text = sources.has(file) ? undefined : sourceOf(file);
    if (text !== undefined) sources.set(file, text);
  }
  return { ...rest, diagnostics, sources, written: !failed };
}

/**
 * A broken layout fails on every page, and a broken partial wherever it is included:
 * say so once. The one report keeps the chain of includes that starts first (in file
 * order) and lists the other places that include the template directly, so a problem
 * that depends on the include (an argument it does not pass) still names each of them.
 */
function mergeRepeated(diagnostics: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups.values()].map((group) => (group.length === 1 ? group[0]! : mergeChains(group)));
}

function mergeChains(group: Diagnostic[]): Diagnostic {
  const start = (d: Diagnostic) => d.includedFrom![d.includedFrom!.length - 1]!;
  const chained = group.filter((d) => d.includedFrom?.length).sort((a, b) => compareDiagnostics({ ...a, ...start(a) }, { ...b, ...start(b) }));
  const first = chained[0];
  if (!first) return group[0]!;
  const where = (site: SourcePosition) => `${site.file}:${site.line}:${site.column}`;
  const seen = new Set([where(first.includedFrom![0]!)]);
  const others = chained.map((d) => d.includedFrom![0]!).filter((site) => !seen.has(where(site)) && seen.add(where(site)));
  return others.length > 0 ? { ...first, alsoIncludedFrom: others.sort((a, b) => compareDiagnostics({ ...first, ...a }, { ...first, ...b })) } : first;
}
