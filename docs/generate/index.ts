/** `npm run docs:generate`: writes the generated docs pages (see pages.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_PAGES } from './pages.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
for (const [page, render] of Object.entries(GENERATED_PAGES)) {
  const file = path.join(repoRoot, 'docs', 'content', page);
  writeFileSync(file, render(repoRoot));
  console.log(`wrote ${path.relative(repoRoot, file)}`);
}
