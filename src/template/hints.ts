import { closest } from '../diagnostics/closest.ts';
import type { Liquid } from 'liquidjs';
import type { LiquidProblem } from './problems.ts';

export interface HintContext {
  /** What the placeholders could read: `page`, `site` (and in layouts `content`, `toc`, `nav`). */
  scope: object;
  /** The engine, for the names of its filters and tags. */
  liquid?: Liquid | undefined;
  /** The text is a page body, where `{% raw %}` and `templating: false` are the ways to show braces. */
  page?: boolean;
  /** The text that `input` locations point into, to quote what the writer wrote. */
  input?: string;
}

/**
 * Rewrites liquidjs's message in our words, with a hint that teaches the fix: a close
 * name, where a Jekyll habit goes here, or how to show another tool's template syntax.
 */
export function explain(problem: LiquidProblem, context: HintContext): LiquidProblem {
  const message = explainMessage(problem, context);
  return message === problem.message ? problem : { ...problem, message };
}

function explainMessage(problem: LiquidProblem, context: HintContext): string {
  const { message } = problem;
  let match = /^undefined variable: (.+)$/.exec(message);
  if (match) {
    // liquidjs names the first segment that is missing (`secrets`); the writer wrote more (`secrets.NAME`).
    const path = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*/.exec(writtenAt(problem, context, Infinity) ?? '')?.[0];
    const name = path?.startsWith(match[1]!) ? path : match[1]!;
    return `undefined placeholder "${name}"${variableHint(name, problem, context)}`;
  }
  match = /^undefined filter: (.+)$/.exec(message);
  if (match) return `unknown filter "${match[1]}"${filterHint(match[1]!, context)}`;
  match = /^tag "(.+)" not found$/.exec(message);
  if (match) return tagMessage(match[1]!, problem, context);
  match = /^tag (\{%-?\s*(\w+).*%\}) not closed$/.exec(message);
  if (match) return `${match[1]} is never closed; add {% end${match[2]} %} where it ends`;
  match = /^(output|tag) ".*" not closed$/.exec(message);
  if (match) {
    const close = match[1] === 'output' ? '}}' : '%}';
    const written = writtenAt(problem, context);
    const what = written === undefined ? message.replace(/ not closed$/, '') : `"${written}"`;
    return `${what} is never closed; close it with "${close}"${context.page ? ', or wrap braces meant literally in {% raw %}…{% endraw %}' : ''}`;
  }
  return message;
}

/** What the writer wrote where the problem is: the rest of its line, shortened. */
function writtenAt(problem: LiquidProblem, context: HintContext, length = 30): string | undefined {
  if (problem.location.kind !== 'input' || context.input === undefined) return undefined;
  const { offset } = problem.location;
  const lineEnd = context.input.indexOf('\n', offset);
  const line = context.input.slice(offset, lineEnd === -1 ? undefined : lineEnd).trimEnd();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** How to show braces as written, for a page that shows another tool's template syntax. */
const SHOWN_SYNTAX = 'wrap it in {% raw %}…{% endraw %} or put templating: false in the frontmatter';

function variableHint(name: string, problem: LiquidProblem, context: HintContext): string {
  const { scope } = context;
  const segments = name.split('.');
  const root = segments[0]!;
  const last = segments[segments.length - 1]!;
  if (root === 'include' && problem.location.kind === 'template') {
    const template = problem.location.name.replace(/\.liquid$/, '');
    return `; pass it where the template is included, like {% include "${template}" ${segments[1] ?? 'name'}="…" %}`;
  }
  // `{{ site.repository }}`, `{{ version }}`: Jekyll's site variables are metadata here.
  const metadata = (scope as { page?: { metadata?: Record<string, unknown> } }).page?.metadata;
  const close = metadata && Object.hasOwn(metadata, last) && name !== `page.metadata.${last}` ? `page.metadata.${last}` : closestPath(name, scope);
  // A bare name is never a placeholder here: a Jekyll habit, or another tool's syntax shown as an example.
  const shown = context.page && problem.location.kind === 'input' && !Object.hasOwn(scope, root) ? SHOWN_SYNTAX : '';
  if (close) return `; did you mean "${close}"?${shown && segments.length === 1 ? ` (if it shows another tool's syntax, ${shown})` : ''}`;
  if (root === 'site' && segments.length > 1 && /^[A-Za-z][\w-]*$/.test(last)) {
    const site = (scope as { site?: object }).site ?? {};
    return `; site has only ${listOf(Object.keys(site))}: put values of your own under metadata in site.config.ts and write page.metadata.${last}`;
  }
  if (shown) return `; placeholders start with page. or site.; to show another tool's template syntax as written, ${shown}`;
  return '';
}

/** Jekyll's filters that liquidjs lacks (it has most others: jsonify, where_exp, slugify…), and why none is needed. */
const JEKYLL_FILTERS: Record<string, string> = {
  relative_url: 'links need no filter here: write the source path ([text](./page.md)) or the URL (/page/), and the site base is added for you',
  absolute_url: 'links need no filter here: write the source path ([text](./page.md)) or the URL (/page/), and the site base is added for you',
  markdownify: 'the page is markdown already: remove the filter',
};

function filterHint(name: string, context: HintContext): string {
  const known = JEKYLL_FILTERS[name];
  if (known) return `; ${known}`;
  const close = closest(name, Object.keys(context.liquid?.filters ?? {}), NAME_DISTANCE);
  return close ? `; did you mean "${close}"?` : '';
}

/** Jekyll's tags, with what to write here instead. */
const JEKYLL_TAGS: Record<string, string> = {
  link: 'link to the source file instead: [text](./page.md)',
  post_url: 'link to the source file instead: [text](./page.md)',
};

function tagMessage(name: string, problem: LiquidProblem, context: HintContext): string {
  if (name.startsWith('end')) return `{% ${name} %} has no {% ${name.slice(3)} %} to close`;
  if (name === 'else' || name === 'elsif' || name === 'when') return `{% ${name} %} is outside any block it could belong to (${name === 'when' ? '{% case %}' : '{% if %}, {% unless %}, {% case %} or {% for %}'})`;
  if (name === 'highlight') {
    const language = /^\{%-?\s*highlight\s+([\w+#-]+)/.exec(writtenAt(problem, context) ?? '')?.[1] ?? '';
    return `unknown tag "highlight"; write a fenced code block instead: \`\`\`${language} … \`\`\``;
  }
  const known = JEKYLL_TAGS[name];
  if (known) return `unknown tag "${name}"; ${known}`;
  const close = closest(name, Object.keys(context.liquid?.tags ?? {}), NAME_DISTANCE);
  return `unknown tag "${name}"${close ? `; did you mean "${close}"?` : ''}`;
}

function listOf(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** How far a filter or tag name may be from the one written: short names are all close to each other (`bad`, `map`). */
const NAME_DISTANCE = (name: string) => Math.max(1, Math.floor(name.length / 3));
/** How far a placeholder path may be: paths are long and share their first segments. */
const PATH_DISTANCE = (name: string) => Math.max(2, Math.floor(name.length / 4));


function closestPath(name: string, scope: object): string | undefined {
  return closest(name, variablePaths(scope), PATH_DISTANCE);
}

/** Every dotted path to a leaf value in the scope, a few levels deep. */
export function* variablePaths(value: unknown, prefix = '', depth = 0): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 4) {
    if (prefix) yield prefix;
    return;
  }
  for (const [key, child] of Object.entries(value)) yield* variablePaths(child, prefix ? `${prefix}.${key}` : key, depth + 1);
}
