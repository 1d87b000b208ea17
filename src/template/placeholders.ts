import leven from 'leven';
import type { TemplateSet } from '../layout/templates.ts';
import { TokenKind, type Liquid } from 'liquidjs';
import { OutputMap } from './output-map.ts';
import { renderEach, toLiquidProblem, type LiquidProblem } from './liquid.ts';

export interface PlaceholderResult {
  /** The body with every placeholder replaced (failed ones by their own source text). */
  text: string;
  /** Maps offsets in `text` back to offsets in the input body. */
  map: OutputMap;
  problems: LiquidProblem[];
  /** Every variable path the body reads, partials included (`page.metadata.api_base_url`), for the unused-metadata check. */
  used: string[];
}

/** Cheap test first: most pages of a big site have no Liquid at all (Zola does the same). */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/**
 * Resolves the Liquid placeholders of a page body before markdown sees it, so values
 * land everywhere, fenced code included. A failed node keeps its source text in the
 * output so later positions stay close to the writer's text.
 */
export function resolvePlaceholders(body: string, scope: Record<string, unknown>, liquid: Liquid, templates: TemplateSet): PlaceholderResult {
  if (!hasLiquid(body)) return { text: body, map: OutputMap.identity(body.length), problems: [], used: [] };
  let parsed;
  try {
    parsed = liquid.parse(body);
  } catch (error) {
    return { text: body, map: OutputMap.identity(body.length), problems: [toLiquidProblem(error, body, templates)], used: [] };
  }
  const map = new OutputMap();
  const problems: LiquidProblem[] = [];
  let text = '';
  renderEach(liquid, parsed, scope, (template, output, error) => {
    const { begin, end } = template.token;
    const literal = template.token.kind === TokenKind.HTML; // plain text between tags
    map.add(text.length, begin, end, literal);
    if (error === undefined) {
      text += output;
    } else {
      problems.push(withSuggestion(toLiquidProblem(error, body, templates), scope));
      text += body.slice(begin, end);
    }
  });
  return { text, map, problems, used: usedVariables(liquid, parsed) };
}

/** The variable paths a parsed template reads, found by liquidjs's static analysis. */
export function usedVariables(liquid: Liquid, parsed: ReturnType<Liquid['parse']>): string[] {
  // A page of text and outputs alone (most pages) defines no variable of its own, so what
  // it reads is what its outputs read, each a function of its text: analysed once per
  // distinct output, not once per page (the analysis was 2% of a page's render).
  if (!parsed.every((template) => template.token.kind === TokenKind.HTML || template.token.kind === TokenKind.Output)) return analyse(liquid, parsed);
  const known = outputVariables(liquid);
  const used = new Set<string>();
  for (const template of parsed) {
    if (template.token.kind !== TokenKind.Output) continue;
    const text = template.token.getText();
    let variables = known.get(text);
    if (!variables) {
      if (known.size >= OUTPUTS_KEPT) known.clear();
      variables = analyse(liquid, [template]);
      known.set(text, variables);
    }
    for (const variable of variables) used.add(variable);
  }
  return [...used].sort();
}

function analyse(liquid: Liquid, parsed: ReturnType<Liquid['parse']>): string[] {
  try {
    const { globals } = liquid.analyzeSync(parsed);
    return [...new Set(Object.values(globals).flatMap((variables) => variables.map(String)))].sort();
  } catch {
    return []; // a partial that fails to parse is reported by rendering; analysis is best effort
  }
}

/** Distinct outputs kept per engine: a site has a few dozen; the bound is for a dev server running for days. */
const OUTPUTS_KEPT = 10_000;
const analysedOutputs = new WeakMap<Liquid, Map<string, string[]>>();
function outputVariables(liquid: Liquid): Map<string, string[]> {
  let known = analysedOutputs.get(liquid);
  if (!known) analysedOutputs.set(liquid, (known = new Map()));
  return known;
}

/** Adds "did you mean …?" to an undefined-variable problem when a close name exists. */
export function withSuggestion(problem: LiquidProblem, scope: object): LiquidProblem {
  const match = /^undefined variable: (.+)$/.exec(problem.message);
  if (!match) return problem;
  const name = match[1]!;
  const suggestion = closestPath(name, scope);
  const message = `undefined placeholder "${name}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
  return { ...problem, message };
}

function closestPath(name: string, scope: object): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of variablePaths(scope)) {
    const distance = leven(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Every dotted path to a leaf value in the scope, a few levels deep. */
export function* variablePaths(value: unknown, prefix = '', depth = 0): Generator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 4) {
    if (prefix) yield prefix;
    return;
  }
  for (const [key, child] of Object.entries(value)) yield* variablePaths(child, prefix ? `${prefix}.${key}` : key, depth + 1);
}
