import path from 'node:path/posix';
import leven from 'leven';
import { closest } from '../diagnostics/closest.ts';
import { CONTENT_DIR } from '../content/discover.ts';
import { locatePath, safeDecode, type LinkPlace } from '../content/link-targets.ts';
import { isIndexName } from '../content/titles.ts';
import type { CollectedLink } from '../markdown/page-data.ts';
import type { LinkIndex } from './link-index.ts';

/** What a broken link was probably meant to be, spelled as the writer writes links. */
export interface LinkHint {
  /** The link to write instead: a source path relative to the linking file (`./linux.md#x`), or a page URL. */
  suggestion: string;
  /** Why the written link did not work, when that is worth teaching. */
  reason?: string;
}

const READ_FROM_FOLDER = "relative links are read from this file's folder, not from the page's URL";
const LINK_THE_SOURCE = 'pages are linked by their .md file, not by a built .html name';

interface HintSite {
  pages: ReadonlyArray<{ file: string; url: string }>;
  /** Output paths of the files copied from content/ (`images/flow.png`). */
  assets: ReadonlySet<string>;
  index: LinkIndex;
}

/**
 * Did-you-mean searches for links that do not resolve, asked only for those: a
 * 4,000-page site has tens of thousands of good links and none of them pays for
 * this. The file-name table is made on the first question of a run.
 */
export class LinkHints {
  private byName: Map<string, string[]> | undefined;

  constructor(private readonly site: HintSite) {}

  /**
   * For a link from `from` (its source file and URL) that leads nowhere: the page or
   * file it most likely meant. Tried in order: a built `.html` name standing for a page;
   * the same path read as a browser would read it from the page's URL (`../linux/`
   * written on /guide/install/); for a file, one of the same name anywhere in content/;
   * for a page, the nearest URL (a typo).
   */
  forBroken(from: { file: string; url: string }, link: Pick<CollectedLink, 'kind' | 'target' | 'written'>): LinkHint | undefined {
    if (link.kind === 'external') return undefined;
    const { pathPart, suffix } = splitWritten(link.written);
    const decoded = safeDecode(pathPart);
    const sourceDir = path.dirname(path.relative(CONTENT_DIR, from.file));
    const urlDir = from.url === '/' ? '.' : from.url.slice(1, -1);
    const readings: Array<{ place: LinkPlace; reason?: string }> = [{ place: { kind: link.kind, target: link.target } }];
    if (decoded !== '' && !decoded.startsWith('/') && urlDir !== sourceDir) readings.push({ place: locatePath(decoded, urlDir), reason: READ_FROM_FOLDER });
    for (const { place, reason } of readings) {
      const found = this.find(place);
      // A `.md` link names a file: read from the URL it must still land on that file, not on
      // a page that merely has the URL (`../../README.md` meant the repository's README,
      // not the home page written as index.md).
      if (found && reason === READ_FROM_FOLDER && /\.md$/i.test(decoded) && path.basename(found.file).toLowerCase() !== path.basename(decoded).toLowerCase()) continue;
      if (found) return { suggestion: spell(from.file, found.file, suffix), reason: joinReasons(found.reason, reason) };
    }
    // A file of the same name elsewhere, unless the name says nothing of which file it is
    // (every folder of a repository may have a README.md).
    if (link.kind === 'asset' || link.kind === 'outside') {
      const file = isIndexName(path.basename(link.target).replace(/\.md$/i, '')) ? undefined : this.sameName(link.target);
      return file === undefined ? undefined : { suggestion: spell(from.file, file, suffix) };
    }
    // A misspelt page: the nearest URL, answered in the spelling the writer used.
    const similar = closest(link.target, this.site.index.pageUrls);
    if (similar === undefined) return undefined;
    if (!/\.md$/i.test(decoded)) return { suggestion: similar };
    return { suggestion: spell(from.file, this.site.pages[this.site.index.pageOf(similar)!]!.file, suffix) };
  }

  /** The source file at this place, if there is one: a page, a copied file, or the page a `.html` name stands for. */
  private find(place: LinkPlace): { file: string; reason?: string } | undefined {
    if (place.kind === 'page') {
      const page = this.site.index.pageOf(place.target);
      return page === undefined ? undefined : { file: this.site.pages[page]!.file };
    }
    if (place.kind !== 'asset') return undefined;
    if (this.site.assets.has(place.target)) return { file: `${CONTENT_DIR}/${place.target}` };
    if (!/\.html?$/i.test(place.target)) return undefined;
    // The URL a static server gives the built file: `guide/features.html` and `guide/features/index.html` are both /guide/features/.
    const stem = place.target.replace(/\.html?$/i, '');
    const folder = stem === 'index' ? '' : stem.replace(/\/index$/, '');
    const page = this.site.index.pageOf(folder === '' ? '/' : `/${folder}/`);
    return page === undefined ? undefined : { file: this.site.pages[page]!.file, reason: LINK_THE_SOURCE };
  }

  /** A file of content/ with the target's file name; of several, the one whose path is nearest the written one. */
  private sameName(target: string): string | undefined {
    this.byName ??= this.nameTable();
    const candidates = this.byName.get(path.basename(target).toLowerCase());
    if (!candidates) return undefined;
    const wanted = target.replace(/^(?:\.\.\/)+/, '');
    let best = candidates[0]!;
    for (const candidate of candidates) if (leven(wanted, candidate) < leven(wanted, best)) best = candidate;
    return best;
  }

  private nameTable(): Map<string, string[]> {
    const table = new Map<string, string[]>();
    const add = (file: string) => {
      const name = path.basename(file).toLowerCase();
      const files = table.get(name);
      if (files) files.push(file);
      else table.set(name, [file]);
    };
    for (const page of this.site.pages) add(page.file);
    for (const asset of this.site.assets) add(`${CONTENT_DIR}/${asset}`);
    return table;
  }
}


/** The path of a written link, and what follows it (`?query#fragment`), kept in the suggestion. */
function splitWritten(written: string): { pathPart: string; suffix: string } {
  const end = written.search(/[?#]/);
  return end === -1 ? { pathPart: written, suffix: '' } : { pathPart: written.slice(0, end), suffix: written.slice(end) };
}

/** `content/guide/linux.md` as written from `content/guide/install.md`: `./linux.md`; a heading of the linking page itself: `#heading`. */
function spell(fromFile: string, toFile: string, suffix: string): string {
  if (toFile === fromFile && suffix.startsWith('#')) return suffix;
  const relative = path.relative(path.dirname(fromFile), toFile);
  return (relative.startsWith('../') ? relative : `./${relative}`).replaceAll(' ', '%20') + suffix;
}

function joinReasons(first: string | undefined, second: string | undefined): string | undefined {
  return first && second ? `${first}, and ${second}` : (first ?? second);
}
