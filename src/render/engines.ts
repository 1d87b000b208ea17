import type { Liquid } from 'liquidjs';
import type { Highlighter } from 'shiki';
import type { TemplateSet } from '../template/templates.ts';
import { createMarkdownProcessor, type MarkdownProcessor } from '../markdown/processor.ts';
import { createLiquid } from '../template/liquid.ts';

/** The expensive-to-build, reusable parts of rendering: made once per build or worker. */
export interface RenderEngines {
  markdown: MarkdownProcessor;
  /** Placeholders in page bodies: values land in markdown, unescaped. */
  pageLiquid: Liquid;
  /** Layouts and partials: values land in HTML, escaped unless `| raw`. */
  layoutLiquid: Liquid;
}

/** `highlighter` is Shiki, created once with `createCodeHighlighter()`; without it code stays plain. */
export function createRenderEngines(templates: TemplateSet, options: { highlighter?: Highlighter | undefined } = {}): RenderEngines {
  return {
    markdown: createMarkdownProcessor({ highlighter: options.highlighter }),
    pageLiquid: createLiquid(templates, { escapeOutput: false }),
    layoutLiquid: createLiquid(templates, { escapeOutput: true }),
  };
}
