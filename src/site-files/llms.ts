import type { SiteConfig } from '../config/schema.ts';
import { hashOf } from '../hashing/hash.ts';
import { twinPath, twinUrl } from '../content/discover.ts';
import type { NavItem } from '../nav/sidebar.ts';
import type { SiteNav } from '../nav/site-nav.ts';
import type { Writer } from '../output/writer.ts';

/** What llms.txt says of one page. */
export interface LlmsPage {
  url: string;
  title: string;
  /** The page's own frontmatter `description`, if any (not the site's, repeated on every line). */
  description?: string | undefined;
}

export interface LlmsInput {
  title: string;
  description: string;
  /** The sidebar, whose grouping llms.txt follows. */
  items: readonly NavItem[];
  /** Every page of the variant, by URL; those the sidebar leaves out are listed at the end. */
  pages: readonly LlmsPage[];
  /** A page URL (`/api/users/`) → the link to its twin, as llms.txt writes it (absolute with `siteUrl`). */
  twinLink: (url: string) => string;
}

/**
 * `/llms.txt` (llmstxt.org): the site's title and description, then every page as a link to
 * its Markdown twin with its description, grouped as the sidebar groups them: the top-level
 * pages first, then each top-level group as a section, nested groups as nested lists.
 */
export function renderLlmsTxt(input: LlmsInput): string {
  const pages = new Map(input.pages.map((page) => [page.url, page]));
  const listed = new Set<string>();
  const entry = (item: NavItem, depth: number): string[] => {
    const indent = '  '.repeat(depth);
    const page = item.url !== '' && !item.generated ? pages.get(item.url) : undefined;
    if (page) listed.add(page.url);
    const head = page ? `[${escapeText(page.title)}](${input.twinLink(page.url)})${page.description ? `: ${oneLine(page.description)}` : ''}` : item.external ? `[${escapeText(item.text)}](${item.href})` : escapeText(item.text);
    return [`${indent}- ${head}`, ...item.items.flatMap((child) => entry(child, depth + 1))];
  };
  const lines = [`# ${oneLine(input.title)}`, ''];
  if (input.description) lines.push(`> ${oneLine(input.description)}`, '');
  const top = input.items.filter((item) => item.items.length === 0);
  if (top.length > 0) lines.push(...top.flatMap((item) => entry(item, 0)), '');
  for (const group of input.items.filter((item) => item.items.length > 0)) {
    const page = group.url !== '' && !group.generated ? pages.get(group.url) : undefined;
    lines.push(`## ${oneLine(group.text)}`, '');
    if (page) lines.push(...entry({ ...group, items: [] }, 0));
    lines.push(...group.items.flatMap((item) => entry(item, 0)), '');
  }
  const others = input.pages.filter((page) => !listed.has(page.url));
  if (others.length > 0) {
    lines.push('## Other pages', '');
    for (const page of others) lines.push(...entry({ text: page.title, href: '', url: page.url, external: false, items: [] }, 0));
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * The twins' files that llms.txt links to, in its order: what llms-full.txt holds. The dev
 * server, which makes llms-full.txt only when asked, reads the order from llms.txt this way.
 */
export function twinFilesListed(llmsTxt: string, base: string): string[] {
  return [...llmsTxt.matchAll(/\]\(([^)\s]+\.md)\)/g)].flatMap((match) => {
    const pathPart = decodeURI(match[1]!.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]+/i, ''));
    return pathPart.startsWith(base) ? [pathPart.slice(base.length)] : [];
  });
}

/** A page URL → its twin's URL path under the base and the variant's path (`/docs/self-hosted/api/users.md`). */
export function twinPathUnder(base: string, prefix: string, url: string): string {
  return encodeURI(base + prefix + twinUrl(url).slice(1));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Link text must not close the link early. */
const escapeText = (text: string) => oneLine(text).replace(/[[\]]/g, (c) => `\\${c}`);

export interface LlmsFilesInput {
  writer: Writer;
  config: Pick<SiteConfig, 'title' | 'description' | 'base' | 'siteUrl'>;
  /** The variant's path (`self-hosted/`), or nothing. */
  prefix: string;
  nav: SiteNav;
  /** The variant's pages, in job order, with the key each one's twin was written from. */
  pages: ReadonlyArray<{ url: string; outputPath: string; title: string; frontmatter: { description?: string | undefined } }>;
  twinKeys: readonly string[];
  /** Whether to make llms-full.txt (the dev server makes it when asked, see `fullText`). */
  full: boolean;
  /** The variant's llms.txt as last made, kept between a session's runs. */
  list: LlmsList;
}

/** A page as the write phase hands it over: its record (what llms.txt reads of it). */
type PageRecordPart = LlmsFilesInput['pages'][number];

/**
 * A variant's llms.txt, made again only when the sidebar object (NavigationMaker keeps it
 * while no entry changes), the site's settings, or a page's URL, title or description
 * changed: a dev save changes none of them, and making the list cost about 50 ms at 16,000
 * pages. Carried pages keep their record objects, so most compare by identity.
 */
export class LlmsList {
  private last: { nav: SiteNav; site: string; pages: readonly PageRecordPart[]; text: string; fingerprint: string } | undefined;

  /** The list's text and its fingerprint (hashed once a text, not on every write). */
  of(input: { nav: SiteNav; site: string; pages: readonly PageRecordPart[]; make: () => string }): { text: string; fingerprint: string } {
    const last = this.last;
    if (last && last.nav === input.nav && last.site === input.site && samePages(last.pages, input.pages)) {
      this.last = { ...last, pages: input.pages };
      return last;
    }
    const text = input.make();
    this.last = { nav: input.nav, site: input.site, pages: input.pages, text, fingerprint: hashOf('llms', text) };
    return this.last;
  }
}

function samePages(a: readonly PageRecordPart[], b: readonly PageRecordPart[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.url !== y.url || x.title !== y.title || x.frontmatter.description !== y.frontmatter.description)) return false;
  }
  return true;
}

/**
 * Writes the variant's llms.txt, and llms-full.txt from the twins as written (read back
 * from the writer, so the build never holds every page's Markdown at once); llms-full.txt
 * is carried over when it would list the same twins, made from the same content.
 */
export function writeLlmsFiles(input: LlmsFilesInput): void {
  const { writer, config, prefix } = input;
  const origin = config.siteUrl ? config.siteUrl.replace(/\/+$/, '') : '';
  const twinLink = (url: string) => origin + twinPathUnder(config.base, prefix, url);
  // What the list reads of the site besides the sidebar and the pages.
  const site = [config.title, config.description, config.base, config.siteUrl ?? '', prefix].join('\0');
  const pages = () => input.pages.map((page) => ({ url: page.url, title: page.title, description: page.frontmatter.description }));
  const list = input.list.of({ nav: input.nav, site, pages: input.pages, make: () => renderLlmsTxt({ title: config.title, description: config.description, items: input.nav.items, pages: pages(), twinLink }) });
  writer.write(`${prefix}llms.txt`, list.text, list.fingerprint);
  if (!input.full) return;
  const keys = new Map(input.pages.map((page, index) => [prefix + twinPath(page.outputPath), input.twinKeys[index]!]));
  const twins = twinFilesListed(list.text, config.base);
  const fingerprint = hashOf('llms-full', ...twins.map((file) => `${file}\0${keys.get(file) ?? ''}`));
  const file = `${prefix}llms-full.txt`;
  if (writer.current.holds(file, fingerprint)) return writer.carry(file, fingerprint);
  writer.write(file, fullText(twins.map((twin) => writer.read(twin))), fingerprint);
}

/** llms-full.txt: the twins one after another (each starts with its page's title as `# …`). */
export function fullText(twins: ReadonlyArray<string | undefined>): string {
  return twins.filter((twin): twin is string => twin !== undefined).map((twin) => twin.trimEnd()).join('\n\n') + '\n';
}
