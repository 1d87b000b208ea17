import { AssignTag, Context, Liquid, LiquidError, RenderError, toValue, toValueSync, type Emitter, type Template, type Value } from 'liquidjs';
import type { TemplateSet } from './templates.ts';
import { confinePartials } from './confine.ts';
import { IfVariantTag } from './ifvariant.ts';

/** Render-time backstops, so no page can stall or exhaust the build. */
const LIMITS = { parseLimit: 10_000_000, renderLimit: 10_000, memoryLimit: 100_000_000 };

/**
 * A Liquid engine confined to the theme's templates. Templates are handed over as an
 * in-memory map, so `include`, `render` and `layout` can only name files the build
 * loaded from templates/: no path can reach the disk (`.env`, `../`, absolute paths).
 *
 * `escapeOutput` is on for layouts (values become HTML) and off for page bodies
 * (values become markdown, and markdown escapes what it must, code blocks included).
 */
export function createLiquid(templates: TemplateSet, options: { escapeOutput: boolean }): Liquid {
  const liquid = new Liquid({
    templates: templates.sources,
    cache: true,
    extname: '.liquid',
    // An undefined placeholder or filter is a writer's mistake, never an empty string.
    strictVariables: true,
    strictFilters: true,
    // …but `{% if page.description %}` is how templates ask whether a value exists.
    lenientIf: true,
    // A template goes on after a failed node and reports every error at the end (as
    // `LiquidErrors`), so a block or partial with two mistakes shows both.
    catchAllErrors: true,
    // Only the data's own keys: `{{ page.constructor }}` must not reach the prototype.
    ownPropertyOnly: true,
    ...LIMITS,
    outputEscape(value: unknown): string {
      // A filter that stringifies its input (`| join`, `| append: obj`) hands over the
      // tell-tale text instead of the object: the same mistake, caught the same way.
      if ((value !== null && typeof value === 'object') || (typeof value === 'string' && value.includes('[object Object]'))) {
        throw new Error('this placeholder is an object, not a value; name one of its keys');
      }
      // Without escaping, the value is handed back untouched for Liquid to stringify as usual.
      return options.escapeOutput ? escapeHtml(String(value ?? '')) : (value as string);
    },
  });
  confinePartials(liquid, Object.keys(templates.sources));
  liquid.registerTag('assign', StrictAssignTag);
  liquid.registerTag('ifvariant', IfVariantTag);
  return liquid;
}

/**
 * liquidjs evaluates the right of an `assign` with `lenientIf`'s leniency, so with that on
 * (for `{% if page.x %}`), `{% assign v = page.metadata.typo %}` quietly assigned nothing
 * and `{{ v }}` printed nothing. Here it is evaluated like a `{{ }}`: strictly, with
 * `| default:` as the way to fall back.
 */
class StrictAssignTag extends AssignTag {
  override *render(ctx: Context): Generator<unknown, void, unknown> {
    // liquidjs keeps both private; the rest of the tag (parsing, static analysis) is its own.
    const { key, value } = this as unknown as { key: string; value: Value };
    try {
      ctx.bottom()[key] = yield value.value(ctx, false);
    } catch (error) {
      // Defined but empty, so each `{{ v }}` after it is not reported as a second mistake.
      ctx.bottom()[key] = null;
      throw error;
    }
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * Renders parsed templates one top-level node at a time against one shared context,
 * so that one bad placeholder does not hide the next (every problem of a page is
 * reported in one run) and so that each node's output span is known for the map.
 *
 * Each node is rendered as liquidjs's `renderTemplates` renders one, but without its
 * wrapping: with `catchAllErrors` it would wrap a node's error in a `LiquidErrors`, and
 * liquidjs builds every error's message from the whole text (a page with 3,000 undefined
 * placeholders spent seconds on that alone).
 */
export function renderEach(
  liquid: Liquid,
  templates: Template[],
  scope: object,
  onNode: (template: Template, output: string | undefined, error: unknown) => void,
): void {
  const context = new Context(scope, liquid.options, { sync: true }, { liquid });
  for (const template of templates) {
    const emitter = new TextEmitter();
    try {
      context.renderLimit.check(performance.now());
      const html: unknown = toValueSync(template.render(context, emitter));
      if (html) emitter.write(html);
    } catch (error) {
      onNode(template, undefined, LiquidError.is(error) ? error : new RenderError(error as Error, template));
      continue;
    }
    onNode(template, emitter.buffer, undefined);
  }
}

/** liquidjs's own emitter for a string (`SimpleEmitter`, which it does not export). */
class TextEmitter implements Emitter {
  buffer = '';
  write(html: unknown): void {
    this.buffer += stringify(html);
  }
}

function stringify(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}
