import { IncludeTag, LayoutTag, RenderTag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

/** Deeper than any real nesting of partials; reached at once by a template that includes itself. */
const MAX_DEPTH = 32;

type PartialTagClass = typeof IncludeTag | typeof RenderTag | typeof LayoutTag;
type Parser = ConstructorParameters<typeof IncludeTag>[3];

/**
 * Replaces `include`, `render` and `layout` with versions that (1) accept only a
 * quoted template name, so no variable can steer which file is read, and (2) stop a
 * template that includes itself without end, directly or through others, instead of
 * recursing until the stack or the render-time limit gives out. The repeating chain
 * of names goes into the error so the writer sees the loop.
 */
export function confinePartials(liquid: Liquid): void {
  // One stack per engine: rendering is synchronous, so renders never interleave.
  const chain: string[] = [];
  for (const [name, Base] of [['include', IncludeTag], ['render', RenderTag], ['layout', LayoutTag]] as Array<[string, PartialTagClass]>) {
    liquid.registerTag(name, confined(Base, name, chain) as unknown as Parameters<Liquid['registerTag']>[1]);
  }
}

function confined(Base: PartialTagClass, tagName: string, chain: string[]) {
  // liquidjs declares `file` private; it is the parsed name: a string for a quoted literal.
  const fileOf = (tag: object) => (tag as { file?: unknown }).file;
  const Tag = Base as unknown as new (token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) => {
    render(ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown>;
  };
  return class ConfinedPartialTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid, parser);
      if (typeof fileOf(this) !== 'string') {
        throw new Error(`{% ${tagName} %} needs a quoted template name, like {% ${tagName} "partials/note" %}; names from variables are not allowed`);
      }
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
      const file = fileOf(this) as string;
      if (chain.length >= MAX_DEPTH) {
        // A template may render itself on purpose (a nested sidebar walks its items), so
        // only depth tells a loop; the repeating part of the chain shows where it is.
        const start = chain.lastIndexOf(file);
        const loop = [...chain.slice(start === -1 ? -3 : start), file].map((f) => `"${f}"`).join(' → ');
        throw new Error(`templates include each other ${MAX_DEPTH} levels deep, which means a loop: ${loop}`);
      }
      chain.push(file);
      try {
        return yield* super.render(ctx, emitter);
      } finally {
        chain.pop();
      }
    }
  };
}
