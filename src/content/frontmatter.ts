import matter from 'gray-matter';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';

/** A source file split into its frontmatter data and its body. */
export interface SplitSource {
  /** The YAML mapping, or `{}` when the file has no frontmatter. */
  data: Record<string, unknown>;
  /** The text after the closing fence. */
  body: string;
  /** Character offset of the body in the source, to map body positions back to file positions. */
  bodyOffset: number;
  /** The raw YAML text between the fences, to locate keys for diagnostics. */
  yaml: string;
}

export type FrontmatterResult = { ok: true; value: SplitSource } | { ok: false; diagnostic: Omit<Diagnostic, 'file'> };

const OPENING_FENCE = /^---([^\n]*)\n/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits YAML frontmatter from the body. Only YAML is accepted: gray-matter would
 * `eval` a `---js` block, so any fence language other than yaml is refused unread.
 * Options are always passed to gray-matter because that disables its cache, which
 * otherwise replays a stale result for a file whose YAML failed once, and shares one
 * mutable data object between files with the same text.
 */
export function splitFrontmatter(source: string): FrontmatterResult {
  const opening = OPENING_FENCE.exec(source);
  if (!opening) {
    if (source === '---') return fail(1, 1, 'frontmatter is opened with "---" but never closed', 'frontmatter/unclosed');
    return { ok: true, value: { data: {}, body: source, bodyOffset: 0, yaml: '' } };
  }
  const language = opening[1]!.trim();
  if (language !== '' && language !== 'yaml') {
    return fail(1, 4, `frontmatter must be YAML; "---${language}" frontmatter is not supported and was not run`, 'frontmatter/not-yaml');
  }
  const rest = source.slice(opening[0].length);
  const closing = CLOSING_FENCE.exec(rest);
  if (!closing) return fail(1, 1, 'frontmatter is opened with "---" but never closed', 'frontmatter/unclosed');

  const yaml = rest.slice(0, closing.index);
  const afterFence = opening[0].length + closing.index + closing[0].length;
  const bodyOffset = source[afterFence] === '\n' ? afterFence + 1 : afterFence;
  let data: unknown;
  try {
    // gray-matter sees only the fenced block so the body never reaches the YAML parser.
    data = matter(`---\n${yaml}---\n`, { language: 'yaml' }).data;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? String(error)).replace(/\s+/g, ' ');
    // gray-matter hands js-yaml the text from the end of the opening "---", so mark line 0 is file line 1.
    // js-yaml gives some marks (a key repeated after a nested mapping) a negative column.
    return fail((mark?.line ?? 1) + 1, Math.max(0, mark?.column ?? 0) + 1, `invalid YAML frontmatter: ${reason}`, 'frontmatter/invalid-yaml');
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(2, 1, `frontmatter must be a mapping of keys to values, got ${Array.isArray(data) ? 'a list' : `a ${typeof data}`}`, 'frontmatter/not-a-mapping');
  }
  return { ok: true, value: { data: data as Record<string, unknown>, body: source.slice(bodyOffset), bodyOffset, yaml } };
}

/** The file line (1-based) where a top-level frontmatter key is written, or the fence line. */
export function frontmatterKeyLine(yaml: string, key: string): number {
  const lines = yaml.split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`));
  return index === -1 ? 1 : index + 2;
}

/** The file position of a top-level frontmatter key's value (after `key:`, inside a quote), or the fence line's start. */
export function frontmatterValueAt(yaml: string, key: string): { line: number; column: number } {
  const line = frontmatterKeyLine(yaml, key);
  if (line === 1) return { line, column: 1 };
  const text = yaml.split('\n')[line - 2]!;
  const value = /^["']?[^:]*["']?:\s*["']?/.exec(text)![0].length;
  return { line, column: value + 1 };
}

/**
 * Where each item of a top-level frontmatter list of plain words is written, as file
 * positions: a flow list (`variants: [cloud, v1]`), a block list (`- cloud` lines), or a
 * single word. Items the text search does not find are left out.
 */
export function frontmatterListItems(yaml: string, key: string): { text: string; line: number; column: number }[] {
  const lines = yaml.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1\\s*:`).test(line));
  if (start === -1) return [];
  const items: { text: string; line: number; column: number }[] = [];
  const words = (text: string, lineIndex: number, from: number) => {
    for (const match of text.slice(from).matchAll(/[^\s,[\]'"]+/g)) items.push({ text: match[0], line: lineIndex + 2, column: from + match.index + 1 });
  };
  const first = lines[start]!;
  const afterColon = first.indexOf(':') + 1;
  if (first.slice(afterColon).trim() !== '') {
    words(first.replace(/#.*$/, ''), start, afterColon);
    return items;
  }
  for (let i = start + 1; i < lines.length; i++) {
    const item = /^(\s*-\s+)(["']?)([^\s'"#]+)/.exec(lines[i]!);
    if (item) items.push({ text: item[3]!, line: i + 2, column: item[1]!.length + item[2]!.length + 1 });
    else if (/^\S/.test(lines[i]!)) break;
  }
  return items;
}

function fail(line: number, column: number, message: string, rule: RuleId): FrontmatterResult {
  return { ok: false, diagnostic: { line, column, message, rule, severity: 'error' } };
}
