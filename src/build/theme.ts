import path from 'node:path';
import type { Liquid } from 'liquidjs';
import { TemplateHasher } from '../layout/dependencies.ts';
import { NavReads } from '../layout/nav-reads.ts';
import { loadTemplates, type TemplateSet } from '../template/templates.ts';
import type { RenderEngines } from '../render/engines.ts';
import { PACKAGE_ROOT } from '../runtime.ts';
import { createLiquid } from '../template/liquid.ts';
import { metadataPathsIn, usedVariables } from '../template/placeholders.ts';

/** The built-in theme, used for every template a site does not override. */
export const THEME_DIR = path.join(PACKAGE_ROOT, 'templates');

/** The theme's templates and what is derived from them alone. */
export interface LoadedTheme {
  templates: TemplateSet;
  hasher: TemplateHasher;
  /** What of `nav` each layout reads: whether a page's key needs the whole sidebar or only its own view of it. */
  navReads: NavReads;
  layoutLiquid: Liquid;
  /** The full engines (markdown chain, Shiki), made on first need. */
  engines: Promise<RenderEngines> | undefined;
  /** Variables the templates read, for the unused-metadata check. */
  used: string[];
}

/** The site's templates over the theme's. */
export function loadTheme(input: { themeDir: string; siteRoot: string }): LoadedTheme {
  const templates = loadTemplates(input);
  const layoutLiquid = createLiquid(templates, { escapeOutput: true });
  return { templates, hasher: new TemplateHasher(templates), navReads: new NavReads(templates, layoutLiquid), layoutLiquid, engines: undefined, used: templateVariables(templates, layoutLiquid) };
}

/** Variables the layouts and partials read, for the unused-metadata check. */
function templateVariables(templates: TemplateSet, engine: Liquid): string[] {
  return Object.keys(templates.sources).flatMap((name) => {
    try {
      return usedVariables(engine, engine.parse(templates.sources[name]!));
    } catch {
      // Reported when a page uses it; what it names is still read, not "unused".
      return metadataPathsIn(templates.sources[name]!);
    }
  });
}
