import pc from 'picocolors';
import { compareDiagnostics, type Diagnostic } from './diagnostic.ts';
import { includeChainLines } from './include-chain.ts';

export interface ReportOptions {
  /** Source text by site-relative path, to print the offending line under each problem. */
  sources?: ReadonlyMap<string, string>;
  /** Colour the output (only on a TTY). */
  color?: boolean;
}

/**
 * Formats diagnostics the way compilers do (`path:line:col: severity: message [rule]`),
 * which every editor's problem matcher understands, with the source line and a caret.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const blocks = [...diagnostics].sort(compareDiagnostics).map((d) => {
    const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
    const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity}: ${d.message} ${c.dim(`[${d.rule}]`)}`;
    const frame = codeFrame(options.sources?.get(d.file), d.line, d.column);
    return [head, ...(frame ? [c.dim(frame)] : []), ...includeChainLines(d)].join('\n');
  });
  return blocks.join('\n');
}

/** A one-line excerpt of the source with a caret under the column. */
export function codeFrame(source: string | undefined, line: number, column: number): string | undefined {
  if (source === undefined) return undefined;
  const text = source.split('\n')[line - 1];
  if (text === undefined) return undefined;
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  // Tabs keep their width in the caret line so the caret stays under the right character.
  const lead = text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, ' ');
  return `  ${gutter} | ${text}\n  ${pad} | ${lead}^`;
}

/** The closing line of a run: how many errors and warnings. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** The machine-readable report (`--format json`) for editors and CI annotations. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return JSON.stringify({ diagnostics: sorted, summary: { errors, warnings: sorted.length - errors } }, null, 2);
}
