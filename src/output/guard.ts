import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { OUTPUT_MARKER } from './writer.ts';

/** Things whose presence means a folder holds a writer's work, never build output. */
const PRECIOUS = ['content', 'templates', 'site.config.ts', '.git', 'package.json'];

/**
 * Refuses an output folder that a build could destroy work in: the site root, a
 * parent of it, a folder holding sources, or a non-empty folder this generator did
 * not make. Returns the reason, or undefined when the folder is safe to replace.
 */
export function unsafeOutputReason(siteRoot: string, outDir: string): string | undefined {
  const root = path.resolve(siteRoot);
  const out = path.resolve(outDir);
  if (out === root || root.startsWith(out + path.sep)) return `the output folder "${outDir}" is the site root or contains it`;
  if (out === path.parse(out).root) return `the output folder "${outDir}" is a file system root`;
  if (!existsSync(out)) return undefined;
  const found = PRECIOUS.find((name) => existsSync(path.join(out, name)));
  if (found) return `the output folder "${outDir}" contains "${found}", so it is not build output`;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return `the output folder "${outDir}" was not made by this generator (no ${OUTPUT_MARKER} file); empty or remove it first`;
  }
  return undefined;
}
