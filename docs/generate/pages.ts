/**
 * The docs pages made from the code and data that own their facts, so they cannot drift:
 * output path under docs/content → the function that writes it. `npm run docs:generate`
 * (docs/generate/index.ts) writes them; tests fail while a committed one is stale.
 */
import { commandLinePage } from './command-line.ts';
import { configurationPage } from './configuration.ts';
import { diagnosticsPage } from './diagnostics.ts';
import { frontmatterPage } from './frontmatter.ts';
import { performancePage } from './performance.ts';

export const GENERATED_PAGES: Readonly<Record<string, (repoRoot: string) => string>> = {
  'reference/command-line.md': commandLinePage,
  'reference/configuration.md': configurationPage,
  'reference/diagnostics.md': diagnosticsPage,
  'reference/frontmatter.md': frontmatterPage,
  'performance.md': performancePage,
};

/** The command that writes them, for messages that ask for it. */
export const REGENERATE = 'npm run docs:generate';
