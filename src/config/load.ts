import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { closest } from '../diagnostics/closest.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { LineIndex } from '../diagnostics/position.ts';
import { importConfig } from './import-config.ts';
import { configSchema, defaultConfig, type NavItemInput, type SiteConfig } from './schema.ts';

export const CONFIG_FILE = 'site.config.ts';
/** Names a writer may give the config, used by other tools: reported, never silently ignored. */
const OTHER_NAMES = ['site.config.js', 'site.config.mjs', 'site.config.mts', 'site.config.cjs', 'site.config.cts', 'docsmith.config.ts', 'docsmith.config.js'];

export type ConfigResult =
  | { ok: true; config: SiteConfig; source: string | undefined }
  | { ok: false; diagnostics: Diagnostic[]; source: string | undefined };

/**
 * Loads and validates `<root>/site.config.ts`. A missing file means defaults;
 * every schema problem becomes one diagnostic at the offending key's position.
 */
export async function loadConfig(root: string): Promise<ConfigResult> {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) {
    // A config under another name would be ignored, and the site built with the defaults.
    const other = OTHER_NAMES.find((name) => existsSync(path.join(root, name)));
    if (other === undefined) return { ok: true, config: defaultConfig, source: undefined };
    const message = `${other} is not read: docsmith reads its config from ${CONFIG_FILE}; rename the file (JavaScript is valid TypeScript, and \`export default\` stays as it is)`;
    return { ok: false, source: undefined, diagnostics: [{ ...configDiagnostic(1, 1, message, 'config/file-name'), file: other }] };
  }
  const source = readFileSync(file, 'utf8');
  const imported = await importConfig(root, file);
  if (!imported.ok) {
    if ('syntax' in imported) {
      // In site.config.ts, or in a file it imports.
      const at = imported.syntax;
      return { ok: false, source, diagnostics: [{ ...configDiagnostic(at.line, at.column, `cannot load ${CONFIG_FILE}: ${at.message}`, 'config/load'), file: at.file }] };
    }
    const error = imported.thrown;
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { ok: false, source, diagnostics: [configDiagnostic(1, 1, `cannot load ${CONFIG_FILE}: ${message}`, 'config/load')] };
  }
  const exported = imported.exported;
  if (exported === undefined) {
    return { ok: false, source, diagnostics: [configDiagnostic(1, 1, `${CONFIG_FILE} has no default export`, 'config/load')] };
  }
  return validateConfig(exported, source);
}

/** Validates an already-loaded config object; `source` is the file text, for positions. */
export function validateConfig(input: unknown, source = ''): ConfigResult {
  const parsed = configSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, config: parsed.data, source };
  const index = new LineIndex(source);
  const diagnostics = parsed.error.issues.map((issue) => {
    const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const { line, column } = index.positionAt(locateKey(source, keyPath.map(String)));
    return configDiagnostic(line, column, describeIssue(issue), issue.code === 'unrecognized_keys' ? 'config/unknown-key' : 'config/invalid-value');
  });
  return { ok: false, source, diagnostics };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const name = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${[...issue.path, k].join('.')}"`).join(', ');
      const known = keysAt(issue.path);
      const meant = issue.keys.length === 1 ? closest(issue.keys[0]!, known) : undefined;
      return `unknown config key${issue.keys.length > 1 ? 's' : ''} ${keys}${meant ? `; did you mean "${[...issue.path, meant].join('.')}"?` : ''}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `config key "${name}" is missing: it must be ${article(issue.expected)}`;
      return `config key "${name}" must be ${article(issue.expected)}, got ${receivedType(issue.input)}`;
    default:
      return `config key "${name}": ${issue.message}`;
  }
}

/** The keys the schema knows at a path of the config (`[]`, `['variants', 0]`, `['editLink']`), for "did you mean". */
function keysAt(keyPath: readonly PropertyKey[]): string[] {
  let schema: z.ZodType | undefined = configSchema;
  for (const key of keyPath) {
    schema = schema && unwrap(schema);
    if (schema instanceof z.ZodArray) schema = typeof key === 'number' ? (schema.element as z.ZodType) : undefined;
    else if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)];
    else schema = undefined;
  }
  schema = schema && unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The schema under optional, default and lazy wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodLazy) inner = inner.unwrap() as z.ZodType;
    else return inner;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function receivedType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

/** Where a key path is written in site.config.ts, as line and column; its first line when the text is unknown. */
export function configKeyPosition(source: string | undefined, keyPath: string[]): { line: number; column: number } {
  return source === undefined ? { line: 1, column: 1 } : new LineIndex(source).positionAt(locateKey(source, keyPath));
}

/** Every entry of a configured sidebar (`nav`), depth first, with its key path in the config (`nav.0.items.2`). */
export function* navEntriesAt(nav: readonly NavItemInput[] | undefined, at: string[] = ['nav']): Generator<{ item: NavItemInput; at: string[] }> {
  for (const [i, item] of (nav ?? []).entries()) {
    const here = [...at, String(i)];
    yield { item, at: here };
    if (item.items) yield* navEntriesAt(item.items, [...here, 'items']);
  }
}

/**
 * Finds where a key path is written in the config source, following the path one
 * key at a time so `metadata.title` is not confused with the top-level `title`.
 * A text search, not a TypeScript parse: good enough to point a writer at the line.
 */
export function locateKey(source: string, keyPath: string[]): number {
  let from = 0;
  let found = 0;
  for (const key of keyPath) {
    if (/^\d+$/.test(key)) {
      // An array's element: the search goes on from where it starts (or stays at the array's key).
      const element = elementStart(source, from, Number(key));
      if (element === undefined) break;
      from = found = element;
      continue;
    }
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(?:^|[\\s{,])(["']?)(${escaped})\\1\\s*:`, 'gm');
    pattern.lastIndex = from;
    const match = pattern.exec(source);
    if (!match) break;
    found = match.index + match[0].indexOf(key);
    from = found + key.length;
  }
  return found;
}

/**
 * Where the element at `index` of the array literal that starts after `from` begins:
 * brackets, braces and parentheses are counted and strings and comments skipped, so
 * commas inside an element do not count.
 */
function elementStart(source: string, from: number, index: number): number | undefined {
  const open = source.indexOf('[', from);
  if (open === -1) return undefined;
  let depth = 0;
  let element = 0;
  let start: number | undefined;
  for (let i = open; i < source.length; i++) {
    const char = source[i]!;
    if (char === '"' || char === "'" || char === '`') {
      const end = closingQuote(source, i);
      if (depth === 1 && start === undefined && element === index) start = i;
      i = end;
      continue;
    }
    if (char === '/' && source[i + 1] === '/') {
      i = source.indexOf('\n', i);
      if (i === -1) return undefined;
      continue;
    }
    if (char === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      if (i === 0) return undefined;
      continue;
    }
    if ('[{('.includes(char)) {
      depth++;
      if (depth === 2 && start === undefined && element === index) start = i;
      continue;
    }
    if (']})'.includes(char)) {
      depth--;
      if (depth === 0) return start;
      continue;
    }
    if (depth !== 1) continue;
    if (char === ',') {
      if (element === index) return start;
      element++;
    } else if (!/\s/.test(char) && start === undefined && element === index) start = i;
  }
  return start;
}

function closingQuote(source: string, open: number): number {
  const quote = source[open]!;
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === quote) return i;
  }
  return source.length;
}

function configDiagnostic(line: number, column: number, message: string, rule: RuleId): Diagnostic {
  return { file: CONFIG_FILE, line, column, severity: 'error', message, rule };
}
