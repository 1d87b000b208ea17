import type { BuildResult } from '../build/index.ts';
import { errorPage } from './error-page.ts';

/** What the dev server answers with, by output path. */
export interface SiteView {
  files: ReadonlyMap<string, string | Uint8Array>;
  /** Output paths that hold an error page: pages that never rendered (answered with status 500). */
  errorPages: ReadonlySet<string>;
}

export const EMPTY_VIEW: SiteView = { files: new Map(), errorPages: new Set() };

export interface ViewInput {
  result: BuildResult;
  /** The files the build committed (all of them), when it succeeded. */
  committed: ReadonlyMap<string, string | Uint8Array>;
  /** What the build wrote or kept before it failed. */
  failed: ReadonlyMap<string, string | Uint8Array> | undefined;
  /** What was served before this build. */
  previous: SiteView;
  base: string;
}

/**
 * The site to serve after a build. A build that succeeded is served as it is. One that
 * failed is served as far as it rendered: a page that rendered is served as it is now,
 * even if a check of the whole site failed (a broken link does not make the page
 * wrong, and the writer wants to see the edit they just saved); a page that did not
 * render keeps its latest rendering from an earlier build (more use to someone fixing
 * a typo than an empty page); a page that never rendered gets an error page, never a
 * "not found". A build that stopped before rendering anything (a config error, a
 * crash) leaves what was served as it was.
 */
export function viewAfter(input: ViewInput): SiteView {
  const { result, failed, previous } = input;
  if (result.written) return { files: input.committed, errorPages: new Set() };
  if (!failed || result.pages.length === 0) return previous;
  const files = new Map(failed);
  const errorPages = new Set<string>();
  for (const page of result.pages) {
    if (files.has(page.outputPath)) continue;
    const earlier = previous.errorPages.has(page.outputPath) ? undefined : previous.files.get(page.outputPath);
    if (earlier !== undefined) {
      files.set(page.outputPath, earlier);
      continue;
    }
    files.set(page.outputPath, errorPage({ page, sources: result.sources, base: input.base }));
    errorPages.add(page.outputPath);
  }
  return { files, errorPages };
}

/** Whether any HTML file is served differently in `next` (open tabs reload then). */
export function htmlChanged(previous: SiteView, next: SiteView): boolean {
  if (previous.files === next.files) return false;
  for (const [file, content] of next.files) {
    if (file.endsWith('.html') && !sameContent(previous.files.get(file), content)) return true;
  }
  for (const file of previous.files.keys()) if (file.endsWith('.html') && !next.files.has(file)) return true;
  return false;
}

function sameContent(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === b) return true;
  if (a === undefined || typeof a === 'string' || typeof b === 'string') return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}
