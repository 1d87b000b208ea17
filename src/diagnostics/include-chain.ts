import type { Diagnostic, SourcePosition } from './diagnostic.ts';

/** How many of the other pages reaching a broken partial the text report names. */
const OTHERS_NAMED = 3;

const at = (site: SourcePosition) => `${site.file}:${site.line}:${site.column}`;

/**
 * The lines under a problem inside an included template, as compilers print them:
 * `included from content/index.md:3:14`, innermost first, then the other places
 * that reach the same problem (a few named, the rest counted).
 */
export function includeChainLines(diagnostic: Diagnostic): string[] {
  const lines = (diagnostic.includedFrom ?? []).map((site) => `  included from ${at(site)}`);
  const others = diagnostic.alsoIncludedFrom ?? [];
  if (others.length > 0) {
    const named = others.slice(0, OTHERS_NAMED).map(at).join(', ');
    const rest = others.length - OTHERS_NAMED;
    lines.push(`  also included from ${named}${rest > 0 ? ` and ${rest} more` : ''}`);
  }
  return lines;
}
