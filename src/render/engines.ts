import type { Liquid } from 'liquidjs';
import type { Highlighter } from 'shiki';
import type { TemplateSet } from '../template/templates.ts';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.ts';
import { createLiquid } from '../template/liquid.ts';
import { TemplateVariables } from '../template/placeholders.ts';

/** The expensive-to-build, reusable parts of rendering: made once per build or worker. */
export interface RenderEngines {
  markdown: MarkdownProcessor;
  /** Placeholders in page bodies: values land in markdown, unescaped. */
  pageLiquid: Liquid;
  /** What page bodies read, for the unused-metadata check: remembered per distinct output, for this engine's life. */
  pageVariables: TemplateVariables;
  /** Layouts and partials: values land in HTML, escaped unless `| raw`. */
  layoutLiquid: Liquid;
}

/** `highlighter` is Shiki, created once with `createCodeHighlighter()`; without it code stays plain. */
export function createRenderEngines(templates: TemplateSet, options: { highlighter?: Highlighter | undefined } = {}): RenderEngines {
  const pageLiquid = createLiquid(templates, { escapeOutput: false });
  return {
    markdown: createMarkdownProcessor({ highlighter: options.highlighter }),
    pageLiquid,
    pageVariables: new TemplateVariables(pageLiquid),
    layoutLiquid: createLiquid(templates, { escapeOutput: true }),
  };
}
