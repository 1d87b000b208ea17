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
 * How many copies of one problem in one file are printed in full. A page migrated
 * from another tool can repeat one mistake thousands of times (a `{{ site.x }}` on
 * every line of a changelog): three show what it is, a count and the lines say where
 * the rest are, and `--format json` still lists every one.
 */
export const SHOWN_PER_PROBLEM = 3;
/** Line numbers listed on a folded line before it skips to the last one: keeps it one terminal line. */
const LISTED_LINES = 8;
/** How much of the message a folded line repeats, to say which problem it counts. */
const NAMED_CHARS = 60;

/**
 * Formats diagnostics the way compilers do (`path:line:col: severity: message [rule]`),
 * which every editor's problem matcher understands, with the source line and a caret.
 * A problem repeated in a file (same severity, rule and message) is printed
 * SHOWN_PER_PROBLEM times, then folded into one line after the last one printed.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const copies = new Map<string, Diagnostic[]>();
  for (const d of sorted) {
    const key = problemKey(d);
    const same = copies.get(key);
    if (same) same.push(d);
    else copies.set(key, [d]);
  }
  const blocks: string[] = [];
  const printed = new Map<string, number>();
  for (const d of sorted) {
    const key = problemKey(d);
    const count = (printed.get(key) ?? 0) + 1;
    printed.set(key, count);
    if (count > SHOWN_PER_PROBLEM) continue;
    const severity = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
    const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity}: ${d.message} ${c.dim(`[${d.rule}]`)}`;
    const frame = codeFrame(options.sources?.get(d.file), d.line, d.column);
    blocks.push([head, ...(frame ? [c.dim(frame)] : []), ...includeChainLines(d)].join('\n'));
    const rest = copies.get(key)!.slice(SHOWN_PER_PROBLEM);
    if (count === SHOWN_PER_PROBLEM && rest.length > 0) blocks.push(c.dim(foldedLine(d.file, rest)));
  }
  return blocks.join('\n');
}

/** The copies of a problem are those with the same file, severity, rule and message. */
function problemKey(d: Diagnostic): string {
  return JSON.stringify([d.file, d.severity, d.rule, d.message]);
}

/**
 * `content/history.md: … and 3,004 more of this problem (undefined placeholder "site.repo") at lines 12, 15, … 4120`.
 * It names the problem, before its hint: two problems repeated on the same lines
 * interleave, and each folded line would otherwise read the same. No line:col after
 * the path, so an editor's problem matcher does not take it for one more problem.
 */
function foldedLine(file: string, rest: readonly Diagnostic[]): string {
  const head = rest[0]!.message.split('; ')[0]!;
  const name = head.length <= NAMED_CHARS ? head : `${head.slice(0, NAMED_CHARS - 1)}…`;
  const lines = [...new Set(rest.map((d) => d.line))];
  const listed = lines.length <= LISTED_LINES ? lines.join(', ') : `${lines.slice(0, LISTED_LINES - 1).join(', ')}, … ${lines.at(-1)}`;
  // Counts get a thousands separator; line numbers do not, or "lines 1,204, 1,210" would read as four numbers.
  const more = rest.length.toLocaleString('en-US');
  return `${file}: … and ${more} more of this problem (${name}) at ${lines.length === 1 ? 'line' : 'lines'} ${listed}`;
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

/** The closing line of a run: how many errors and warnings (every copy of a folded problem counts). */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** The last line of a text report with problems: where a rule's explanation is. */
export const EXPLAIN_HINT = 'npx docsmith explain <rule> says what any [rule] above finds and how to fix it';

/** The machine-readable report (`--format json`) for editors and CI annotations: every problem, none folded. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return JSON.stringify({ diagnostics: sorted, summary: { errors, warnings: sorted.length - errors } }, null, 2);
}
