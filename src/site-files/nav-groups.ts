import type { SiteNav } from '../nav/site-nav.ts';
import type { Writer } from '../output/writer.ts';

/**
 * Writes the collapsed sidebar groups' entries (assets/nav/<id>.json), which the theme's
 * script fetches when a reader expands a group. Each is written from its own fingerprint,
 * made once per sidebar, so an unchanged build links the file it has instead of writing it.
 */
export function writeNavGroups(writer: Writer, nav: SiteNav, prefix = ''): void {
  for (const group of nav.groupFiles) writer.write(prefix + group.file, group.json, group.fingerprint);
}
