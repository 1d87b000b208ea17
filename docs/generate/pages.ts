import { commandLinePage } from './command-line.ts';
import { diagnosticsPage } from './diagnostics.ts';

/** The docs pages made from the code, by path in the repository; `npx tsx docs/generate/write.ts` writes them. */
export const GENERATED_PAGES: ReadonlyArray<{ file: string; make: (repoRoot: string) => string }> = [
  { file: 'docs/content/reference/command-line.md', make: commandLinePage },
  { file: 'docs/content/reference/diagnostics.md', make: diagnosticsPage },
];

/** The command that writes them, for messages that ask for it. */
export const REGENERATE = 'npx tsx docs/generate/write.ts';
