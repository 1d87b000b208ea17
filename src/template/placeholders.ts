import { TokenKind, type Liquid } from 'liquidjs';
import { safeDecode } from '../content/link-targets.ts';
import type { TemplateSet } from './templates.ts';
import { unknownVariant } from '../config/variants.ts';
import { explain } from './hints.ts';
import { ifVariantTags } from './ifvariant.ts';
import { OutputMap } from './output-map.ts';
import { renderEach } from './liquid.ts';
import { toLiquidProblems, type LiquidProblem } from './problems.ts';
import { PageFailures, parsePage } from './recover.ts';

export interface PlaceholderResult {
  /** The body with every placeholder replaced (failed ones by their own source text). */
  text: string;
  /** Maps offsets in `text` back to offsets in the input body. */
  map: OutputMap;
  problems: LiquidProblem[];
  /** Every variable path the body reads, partials included (`page.metadata.api_base_url`), for the unused-metadata check. */
  used: string[];
  /**
   * The pieces of the body that failed (each reported in `problems`, or a consequence of
   * one), kept as written in `text`: what the markdown pass finds in them is no news.
   */
  failed: FailedSpan[];
}

/** A stretch of the input body, by offsets, and its text. */
export interface FailedSpan {
  begin: number;
  end: number;
  text: string;
}

/** Cheap test first: most pages of a big site have no Liquid at all (Zola does the same). */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/**
 * Resolves the Liquid placeholders of a page body before markdown sees it, so values
 * land everywhere, fenced code included. Every piece is parsed and rendered on its own
 * (see recover.ts): one that fails keeps its source text in the output, so later
 * positions stay close to the writer's text, and the others still render and report.
 */
export function resolvePlaceholders(
  body: string,
  scope: Record<string, unknown>,
  liquid: Liquid,
  templates: TemplateSet,
  variables: TemplateVariables = new TemplateVariables(liquid),
): PlaceholderResult {
  if (!hasLiquid(body)) return { text: body, map: OutputMap.identity(body.length), problems: [], used: [], failed: [] };
  const hints = { scope, liquid, page: true, input: body };
  const failures = new PageFailures();
  let parsed;
  try {
    parsed = parsePage(liquid, body, failures);
  } catch (error) {
    // Only the page's size limit (or a liquidjs bug): the page as written.
    return { text: body, map: OutputMap.identity(body.length), problems: toLiquidProblems(error, body, templates).map((problem) => explain(problem, hints)), used: [], failed: [{ begin: 0, end: body.length, text: body }] };
  }
  const map = new OutputMap();
  let text = '';
  let next = 0;
  renderEach(liquid, parsed, scope, (template, output, error) => {
    const { begin } = template.token;
    // A block spans up to the next top-level node, past its own opening tag.
    const end = parsed[++next]?.token.begin ?? body.length;
    // A node that fails to render prints as written, with every error inside it recorded.
    if (error !== undefined) failures.add(template.token, error, end);
    const failed = error !== undefined || failures.has(template.token);
    map.add(text.length, begin, end, failed || template.token.kind === TokenKind.HTML); // text as written maps one to one
    text += error === undefined ? output : body.slice(begin, end);
  });
  // A variable of a block that failed (`{% for item in … %}` never closed) is undefined where it is read: no news.
  const unbound = (problem: LiquidProblem) => problem.rule === 'liquid/undefined-variable' && failures.unbound.has(/^undefined variable: ([\w-]+)/.exec(problem.message)?.[1] ?? '');
  const problems = failures.list
    .flatMap((failure) => (failure.error === undefined ? [] : toLiquidProblems(failure.error, body, templates)))
    .filter((problem) => !unbound(problem))
    .map((problem) => explain(problem, hints))
    .sort((a, b) => pageOffset(a) - pageOffset(b));
  const failed = failures.list.map(({ token, end }) => ({ begin: token.begin, end, text: body.slice(token.begin, end) }));
  problems.push(...unknownVariantProblems(parsed, scope));
  problems.sort((a, b) => pageOffset(a) - pageOffset(b));
  const used = variables.of(parsed);
  // A failed piece still meant to read what it names (`{{ site.repository }}` for the
  // metadata key `repository`): that key is not "unused" because of the mistake beside it.
  const keys = new Set(Object.keys((scope as { page?: { metadata?: object } }).page?.metadata ?? {}));
  for (const { text: piece } of failed) {
    for (const [word] of piece.matchAll(/[A-Za-z_][\w-]*/g)) if (keys.has(word)) used.push(`page.metadata.${word}`);
  }
  return { text, map, problems, used: [...new Set(used)].sort(), failed };
}

/**
 * Variant names of the page's `ifvariant` tags that the site lacks, each at its name, found
 * from the parse so that a tag in a branch no variant renders is checked too.
 */
function unknownVariantProblems(parsed: ReturnType<Liquid['parse']>, scope: Record<string, unknown>): LiquidProblem[] {
  const tags = ifVariantTags(parsed);
  if (tags.length === 0) return [];
  const variants = (scope as { site?: { variants?: { name: string }[] } }).site?.variants;
  if (!variants) return tags.map((tag) => ({ location: { kind: 'input' as const, offset: tag.token.begin }, message: NO_VARIANTS, rule: 'variants/unknown' }));
  const names = variants.map((variant) => variant.name);
  return tags.flatMap((tag) =>
    tag.terms.filter((term) => !names.includes(term.name)).map((term) => ({ location: { kind: 'input' as const, offset: term.offset }, message: unknownVariant(term.name, names), rule: 'variants/unknown' })),
  );
}

const NO_VARIANTS = 'this site has no variants, so ifvariant has nothing to choose from: add `variants` to site.config.ts, or remove the block';

/** Where in the page a problem is, or the include that leads to it: for a report in page order. */
function pageOffset(problem: LiquidProblem): number {
  const start = problem.location.kind === 'input' ? problem.location : problem.includedFrom?.at(-1);
  return start?.kind === 'input' ? start.offset : 0;
}

/** The variable paths a parsed template reads, found by liquidjs's static analysis. */
export function usedVariables(liquid: Liquid, parsed: ReturnType<Liquid['parse']>): string[] {
  return new TemplateVariables(liquid).of(parsed);
}

/**
 * What templates read, for one engine, with what each distinct output reads kept: a page
 * of text and outputs alone (most pages) defines no variable of its own, so what it reads
 * is what its outputs read, each a function of its text, analysed once per distinct output,
 * not once per page (the analysis was 2% of a page's render). The render engines own one.
 */
export class TemplateVariables {
  private readonly outputs = new Map<string, string[]>();

  constructor(private readonly liquid: Liquid) {}

  /** The variable paths a parsed template reads (`page.metadata.api_base_url`), sorted. */
  of(parsed: ReturnType<Liquid['parse']>): string[] {
    if (!parsed.every((template) => template.token.kind === TokenKind.HTML || template.token.kind === TokenKind.Output)) return analyse(this.liquid, parsed);
    const known = this.outputs;
    const used = new Set<string>();
    for (const template of parsed) {
      if (template.token.kind !== TokenKind.Output) continue;
      const text = template.token.getText();
      let variables = known.get(text);
      if (!variables) {
        if (known.size >= OUTPUTS_KEPT) known.clear();
        variables = analyse(this.liquid, [template]);
        known.set(text, variables);
      }
      for (const variable of variables) used.add(variable);
    }
    return [...used].sort();
  }
}

function analyse(liquid: Liquid, parsed: ReturnType<Liquid['parse']>): string[] {
  const globalsOf = (partials: boolean) => {
    const { globals } = liquid.analyzeSync(parsed, { partials });
    return [...new Set(Object.values(globals).flatMap((variables) => variables.map(String)))].sort();
  };
  try {
    return globalsOf(true);
  } catch {
    // A partial that fails to parse is reported by rendering (and what it reads is
    // counted with the templates); the page's own text is still analysed.
    try {
      return globalsOf(false);
    } catch {
      return [];
    }
  }
}

/** The metadata paths a text names, read without parsing it: for Liquid that does not parse. */
export function metadataPathsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:page|site)\.metadata\.[A-Za-z_][\w-]*/g)].map(([path]) => path);
}

/** Distinct outputs kept per engine: a site has a few dozen; the bound is for a dev server running for days. */
const OUTPUTS_KEPT = 10_000;

/**
 * Whether something the markdown pass found at `offset` in the text, quoting `quoted`
 * (a link's target, a problem's message), comes from a piece of Liquid that failed and
 * is still raw: a link to `{{ '/b/' | relative_url }}` is no news once the filter is reported.
 */
export function fromFailedText(result: Pick<PlaceholderResult, 'map' | 'failed'>, offset: number, quoted: string): boolean {
  if (result.failed.length === 0) return false;
  const source = result.map.toSource(offset);
  // Messages quote URLs as the browser reads them: `{{` as `%7B%7B`.
  const decoded = safeDecode(quoted);
  return result.failed.some((span) => (source >= span.begin && source < span.end) || quoted.includes(span.text) || decoded.includes(span.text));
}
