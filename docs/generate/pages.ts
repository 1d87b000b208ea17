/**
 * The docs pages made from the code and data that own their facts, so they cannot drift:
 * output path under docs/content → the function that writes it. `npm run docs:generate`
 * writes them; test/docs/generated-pages.test.ts fails when a committed one is stale.
 */
import { configurationPage } from './configuration.ts';
import { frontmatterPage } from './frontmatter.ts';
import { performancePage } from './performance.ts';

export const GENERATED_PAGES: Readonly<Record<string, (repoRoot: string) => string>> = {
  'reference/configuration.md': configurationPage,
  'reference/frontmatter.md': frontmatterPage,
  'performance.md': performancePage,
};
