import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file that marks a folder as made by this generator: only such folders are ever replaced. */
export const OUTPUT_MARKER = '.docsmith-output';

/** Things whose presence means a folder holds a writer's work, never build output. */
const PRECIOUS = ['content', 'templates', 'site.config.ts', '.git', 'package.json'];

/** Site folders the output may not be inside: the next build would read it back as pages, assets or templates. */
const SOURCE_DIRS = ['content', 'templates'];

/**
 * Refuses an output folder that a build could destroy work in: the site root, a
 * parent of it, a folder holding sources, a folder inside content/ or templates/,
 * a file, or a non-empty folder this generator did not make. Symbolic links are
 * followed, so another name for the same folder is refused too. Returns the
 * reason, or undefined when the folder is safe to replace.
 */
export function unsafeOutputReason(siteRoot: string, outDir: string): string | undefined {
  const roots = [path.resolve(siteRoot), realPath(siteRoot)];
  const outs = [path.resolve(outDir), realPath(outDir)];
  for (const out of outs) {
    if (out === path.parse(out).root) return `the output folder "${outDir}" is a file system root`;
    for (const root of roots) {
      if (out === root || isInside(root, out)) return `the output folder "${outDir}" is the site root or contains it`;
      const source = SOURCE_DIRS.find((dir) => out === path.join(root, dir) || isInside(out, path.join(root, dir)));
      if (source) return `the output folder "${outDir}" is inside the site's ${source}/ folder, so the next build would read it back`;
    }
  }
  return notReplaceableReason(outDir);
}

/**
 * Why this folder must not be replaced by build output, or undefined when it may be:
 * it does not exist, is empty, or carries the marker (and holds no sources).
 */
export function notReplaceableReason(outDir: string): string | undefined {
  const out = path.resolve(outDir);
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `the output folder "${outDir}" is a file, not a folder`;
  const found = PRECIOUS.find((name) => existsSync(path.join(out, name)));
  if (found) return `the output folder "${outDir}" contains "${found}", so it is not build output`;
  const entries = readdirSync(out);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return `the output folder "${outDir}" was not made by this generator (no ${OUTPUT_MARKER} file); empty or remove it first`;
  }
  return undefined;
}

/** `inner` is strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  return inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);
}

/** The real path of a folder that may not exist yet: its nearest existing ancestor resolved, the rest appended. */
function realPath(folder: string): string {
  const absolute = path.resolve(folder);
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    return path.join(realpathSync(existing), path.relative(existing, absolute));
  } catch {
    return absolute;
  }
}
