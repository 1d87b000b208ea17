import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { isIndexName } from './titles.ts';

/** A markdown source and where it lands in the site. */
export interface PageSource {
  /** Path relative to the site root, forward slashes: `content/api/users.md`. */
  file: string;
  /** Path relative to content/: `api/users.md`. */
  contentPath: string;
  /** The page's URL path without the site base: `/api/users/`. */
  url: string;
  /** Output file relative to the output folder: `api/users/index.html`. */
  outputPath: string;
}

/** A non-markdown file in content/ (an image, a PDF) copied as is. */
export interface AssetSource {
  file: string;
  /** Output file relative to the output folder, the same as its path in content/. */
  outputPath: string;
}

export interface Discovery {
  pages: PageSource[];
  assets: AssetSource[];
  diagnostics: Diagnostic[];
}

export const CONTENT_DIR = 'content';

/**
 * Lists content/ in a stable order, mapping each markdown file to a clean URL.
 * Two sources that would write the same output (`a.md` and `a/index.md`, or names
 * that differ only in case, which collide on case-insensitive disks) are an error.
 */
export function discoverContent(root: string): Discovery {
  const contentRoot = path.join(root, CONTENT_DIR);
  const diagnostics: Diagnostic[] = [];
  const pages: PageSource[] = [];
  const assets: AssetSource[] = [];
  if (!lstatSync(contentRoot, { throwIfNoEntry: false })?.isDirectory()) {
    const message = `there is no content/ folder in "${root}": pages are the .md files in ROOT/content; create it, or give --root the folder that holds it`;
    return { pages, assets, diagnostics: [{ file: CONTENT_DIR, line: 1, column: 1, severity: 'error', rule: 'content/no-folder', message }] };
  }
  const realRoot = realpathSync(contentRoot);

  for (const contentPath of walk(contentRoot, '', realRoot, diagnostics)) {
    const file = `${CONTENT_DIR}/${contentPath}`;
    if (contentPath.endsWith('.md')) {
      const url = pageUrl(contentPath);
      pages.push({ file, contentPath, url, outputPath: outputPathForUrl(url) });
    } else {
      assets.push({ file, outputPath: contentPath });
    }
  }
  diagnostics.push(...findCollisions([...pages, ...assets]));
  if (pages.length > 0 && !pages.some((page) => page.url === '/')) {
    diagnostics.push({
      file: CONTENT_DIR, line: 1, column: 1, severity: 'warning', rule: 'content/no-home-page',
      message: 'the site has no home page, so its address shows "not found"; add content/index.md (or content/README.md)',
    });
  }
  return { pages, assets, diagnostics };
}

/**
 * `index.md` → `/`, `api/index.md` → `/api/`, `api/users.md` → `/api/users/`. A folder's
 * `README.md` is its index too, as GitHub shows it (`cli/README.md` → `/cli/`): docs kept
 * in a repository are written that way; a folder with both is a collision.
 */
export function pageUrl(contentPath: string): string {
  const parts = contentPath.replace(/\.md$/i, '').split('/');
  if (isIndexName(parts[parts.length - 1]!)) parts.pop();
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/** `/` → `/index.md`, `/api/users/` → `/api/users.md`: where a page's Markdown twin is, beside it (`llms`). */
export function twinUrl(pageUrl: string): string {
  return pageUrl === '/' ? '/index.md' : `${pageUrl.slice(0, -1)}.md`;
}

/** `index.html` → `index.md`, `api/users/index.html` → `api/users.md`: the twin's file in the output. */
export function twinPath(outputPath: string): string {
  return outputPath === 'index.html' ? 'index.md' : outputPath.replace(/\/index\.html$/, '.md');
}

/** `/` → `index.html`, `/api/users/` → `api/users/index.html`. */
export function outputPathForUrl(url: string): string {
  return `${url.slice(1)}index.html`;
}

function* walk(dir: string, prefix: string, realRoot: string, diagnostics: Diagnostic[]): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .DS_Store, editor swap files
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const absolute = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) {
      // A link may point anywhere on disk; follow it only while it stays inside content/.
      let target: string;
      try {
        target = realpathSync(absolute);
      } catch {
        diagnostics.push(fileError(relative, `symbolic link "${relative}" points to a file that does not exist`, 'content/broken-symlink'));
        continue;
      }
      if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
        diagnostics.push(fileError(relative, `symbolic link "${relative}" points outside content/ and was not read`, 'content/symlink-outside'));
        continue;
      }
      if (lstatSync(target).isDirectory()) yield* walk(target, relative, realRoot, diagnostics);
      else yield relative;
    } else if (entry.isDirectory()) {
      yield* walk(absolute, relative, realRoot, diagnostics);
    } else if (entry.isFile()) {
      yield relative;
    }
  }
}

function findCollisions(sources: ReadonlyArray<{ file: string; outputPath: string }>): Diagnostic[] {
  const seen = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) {
    const key = source.outputPath.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, source.file);
    else {
      const readme = [source.file, first].some((file) => /(^|\/)readme\.md$/i.test(file));
      diagnostics.push({
        file: source.file,
        line: 1,
        column: 1,
        severity: 'error',
        message: `"${source.file}" and "${first}" would both be written to "${source.outputPath}"${readme ? '; a README.md is its folder\'s index only where there is no index.md: rename or merge one of them' : ''}`,
        rule: 'content/url-collision',
      });
    }
  }
  return diagnostics;
}

function fileError(contentPath: string, message: string, rule: RuleId): Diagnostic {
  return { file: `${CONTENT_DIR}/${contentPath}`, line: 1, column: 1, severity: 'error', message, rule };
}
