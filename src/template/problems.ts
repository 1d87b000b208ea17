import { LiquidError, type Token } from 'liquidjs';
import type { Diagnostic, SourcePosition } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import type { Position } from '../diagnostics/position.ts';
import type { TemplateSet } from './templates.ts';
import { includeSitesOf } from './confine.ts';

/** Where a Liquid error happened: an offset in the text being rendered, or in one of the templates. */
export type LiquidProblemLocation = { kind: 'input'; offset: number } | { kind: 'template'; name: string; line: number; column: number };

export interface LiquidProblem {
  location: LiquidProblemLocation;
  message: string;
  rule: RuleId;
  /** For a problem inside a template: the `{% include %}` tags that led to it, innermost first. */
  includedFrom?: LiquidProblemLocation[];
}

/** What liquidjs keeps of a token: its text and where it starts. */
interface TokenLike {
  input: string;
  begin: number;
  getPosition(): number[];
}

/** Liquid's own messages end with ", line:1, col:6"; positions are reported separately. */
function plainMessage(error: LiquidError): string {
  const original = (error as { originalError?: Error }).originalError;
  const message = original instanceof LiquidError ? plainMessage(original) : (original?.message ?? error.message);
  return message.replace(/, line:\d+, col:\d+$/, '').split('\n')[0]!;
}

export function ruleFor(error: unknown): RuleId {
  const name = (error as { name?: string }).name;
  if (name === 'UndefinedVariableError') return 'liquid/undefined-variable';
  if (name === 'ParseError' || name === 'TokenizationError') return 'liquid/syntax';
  return 'liquid/render';
}

/**
 * Turns an error thrown by liquidjs into problems located in the input or in a template:
 * one per error, as the engine collects every error of a template (`catchAllErrors`), and
 * each with the `{% include %}` tags it came through.
 */
export function toLiquidProblems(error: unknown, input: string, templates: TemplateSet): LiquidProblem[] {
  const problems: LiquidProblem[] = [];
  const collect = (e: unknown, outer: Token[]) => {
    const sites = [...includeSitesOf(e), ...outer];
    const nested = (e as { errors?: unknown[] } | null)?.errors;
    if (Array.isArray(nested)) for (const inner of nested) collect(inner, sites);
    else problems.push(toLiquidProblem(e, sites, input, templates));
  };
  collect(error, []);
  // After a render limit, whatever failed failed because of it: the first says it all.
  const limit = problems.findIndex((problem) => /limit exceeded/.test(problem.message));
  return limit === -1 ? problems : problems.filter((problem, i) => i <= limit || !/limit exceeded/.test(problem.message));
}

function toLiquidProblem(error: unknown, sites: Token[], input: string, templates: TemplateSet): LiquidProblem {
  if (!(error instanceof LiquidError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { location: { kind: 'input', offset: 0 }, message, rule: 'liquid/render' };
  }
  const token = (error as unknown as { token?: TokenLike }).token;
  const problem: LiquidProblem = { location: locate(token, input, templates), message: plainMessage(error), rule: ruleFor(error) };
  if (sites.length > 0) problem.includedFrom = sites.map((site) => locate(site, input, templates));
  return problem;
}

function locate(token: TokenLike | undefined, input: string, templates: TemplateSet): LiquidProblemLocation {
  if (!token || token.input === input) return { kind: 'input', offset: token?.begin ?? 0 };
  // Inside an included template; liquidjs keeps only its text, so find it by content.
  const name = Object.keys(templates.sources).find((key) => templates.sources[key] === token.input);
  const [line = 1, column = 1] = token.getPosition();
  return name === undefined ? { kind: 'input', offset: 0 } : { kind: 'template', name, line, column };
}

/**
 * A problem as a diagnostic: `input` locations are in `file`, whose text `positionAt`
 * turns offsets into positions; template locations are in the template's own file.
 */
export function problemDiagnostic(problem: LiquidProblem, input: { file: string; positionAt: (offset: number) => Position; templates: TemplateSet }): Diagnostic {
  const at = (location: LiquidProblemLocation): SourcePosition =>
    location.kind === 'input'
      ? { file: input.file, ...input.positionAt(location.offset) }
      : { file: input.templates.files[location.name] ?? location.name, line: location.line, column: location.column };
  const diagnostic: Diagnostic = { ...at(problem.location), severity: 'error', message: problem.message, rule: problem.rule };
  if (problem.includedFrom) diagnostic.includedFrom = problem.includedFrom.map(at);
  return diagnostic;
}
