import type { Liquid } from 'liquidjs';
import type { TemplateSet } from '../template/templates.ts';

/**
 * The parts of `nav` that make a page's own view of the navigation: its sidebar as HTML
 * (bounded on a big site: the path to the page, its siblings, the top-level groups) and
 * its neighbours. A layout that reads nothing else of `nav` is laid out again only when
 * that view changes, not whenever any entry of the site's sidebar does.
 */
const PAGE_VIEW = /^nav\.(?:sidebar_html$|prev(?:\.|$)|next(?:\.|$))/;

/**
 * What of `nav` each layout reads, found by liquidjs's static analysis of the layout and
 * every partial it includes, once per layout. `nav.sidebar` (the whole tree as data),
 * `nav` passed on whole, a computed key (`nav[name]`), or a layout that cannot be analysed
 * counts as reading the whole sidebar: such a page is laid out again on any change to it.
 */
export class NavReads {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly templates: TemplateSet,
    private readonly liquid: Liquid,
  ) {}

  /** Whether the layout (`layout`, `wide`) reads no more of `nav` than the page's own view. */
  pageViewOnly(layout: string): boolean {
    let only = this.known.get(layout);
    if (only === undefined) this.known.set(layout, (only = this.analyse(`${layout}.liquid`)));
    return only;
  }

  private analyse(name: string): boolean {
    const source = this.templates.sources[name];
    if (source === undefined) return false;
    try {
      const { globals } = this.liquid.analyzeSync(this.liquid.parse(source, name), { partials: true });
      return (globals.nav ?? []).every((variable) => PAGE_VIEW.test(String(variable)));
    } catch {
      // A template that does not parse, or a partial that is missing, fails the page anyway.
      return false;
    }
  }
}
