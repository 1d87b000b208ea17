// Writes the generated docs pages from the code: `npx tsx docs/generate/write.ts`
// (test/docs/generate/ fails while a committed page differs from what this writes).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_PAGES } from './pages.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
for (const page of GENERATED_PAGES) {
  const file = path.join(repoRoot, page.file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, page.make(repoRoot));
  console.log(`wrote ${page.file}`);
}
