import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The theme's templates, read once per build into memory. Rendering reads only this
 * map, which keeps page rendering a pure function and confines Liquid to templates/.
 */
export interface TemplateSet {
  /** Template text by name relative to templates/: `layout.liquid`, `partials/header.liquid`. */
  sources: Record<string, string>;
  /** Where each template came from, relative to the site root when inside it, for diagnostics. */
  files: Record<string, string>;
  /** Static theme files (CSS, JS, icons) from templates/assets/: output path → absolute path. */
  assets: Record<string, string>;
}

export const TEMPLATES_DIR = 'templates';

/**
 * Reads the built-in theme, then the site's own templates/ over it (a site overrides
 * a theme file by giving one of the same name). Symlinks that lead out are skipped.
 */
export function loadTemplates(options: { themeDir: string; siteRoot: string }): TemplateSet {
  const set: TemplateSet = { sources: {}, files: {}, assets: {} };
  const siteDir = path.join(options.siteRoot, TEMPLATES_DIR);
  for (const dir of [options.themeDir, siteDir]) {
    let realDir: string;
    try {
      realDir = realpathSync(dir);
    } catch {
      continue; // a site without templates/ uses the theme
    }
    for (const name of listFiles(realDir, '')) {
      const absolute = path.join(realDir, name);
      if (name.startsWith('assets/')) {
        set.assets[name] = absolute;
        continue;
      }
      if (!name.endsWith('.liquid')) continue;
      set.sources[name] = readFileSync(absolute, 'utf8').replace(/\r\n?/g, '\n');
      const relative = path.relative(options.siteRoot, absolute).split(path.sep).join('/');
      set.files[name] = relative.startsWith('..') ? absolute : relative;
    }
  }
  return set;
}

function listFiles(realDir: string, prefix: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(path.join(realDir, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    const absolute = path.join(realDir, name);
    let stats = lstatSync(absolute);
    if (stats.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(absolute);
      } catch {
        continue; // a dangling link
      }
      if (!target.startsWith(realDir + path.sep)) continue;
      stats = lstatSync(target);
    }
    if (stats.isDirectory()) names.push(...listFiles(realDir, name));
    else names.push(name);
  }
  return names.sort();
}
