import type { RuleId } from './rules.ts';

/** How bad a problem is: errors fail the build, warnings are reported and the build goes on. */
export type Severity = 'error' | 'warning';

/**
 * One problem found while building, always at a position in a *source* file
 * (frontmatter lines counted), so an editor can jump straight to it.
 */
export interface Diagnostic {
  /** Path relative to the site root, with forward slashes (`content/api/users.md`). */
  file: string;
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column in the source file. */
  column: number;
  severity: Severity;
  message: string;
  /** Stable rule id, such as `liquid/undefined-variable`, for filtering and docs: a key of RULES (rules.ts). */
  rule: RuleId;
  /**
   * For a problem inside an included template: the `{% include %}` tags that led to it,
   * innermost first, so the last is in the page (or layout) that started the chain.
   */
  includedFrom?: SourcePosition[];
  /**
   * The same problem reached through other includes too (a broken partial fails wherever
   * it is used, and is reported once): the other places that include the template.
   */
  alsoIncludedFrom?: SourcePosition[];
  /** On a site with variants, the variants in which the problem was found (a problem of the sources alone has none). */
  variants?: string[];
}

/** A position in a source file, as diagnostics give it. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order for reports: by file, then position, then message. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
