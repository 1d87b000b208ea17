import leven from 'leven';
import { Hash, IncludeTag, LayoutTag, LiquidError, RenderTag, Tokenizer, type Context, type Emitter, type Liquid, type TagToken, type Token, type TopLevelToken } from 'liquidjs';

/** Deeper than any real nesting of partials; reached at once by a template that includes itself. */
const MAX_DEPTH = 32;

type PartialTagClass = typeof IncludeTag | typeof RenderTag | typeof LayoutTag;
type Parser = ConstructorParameters<typeof IncludeTag>[3];

/** Where an error passed through `{% include %}` tags on its way out: each tag's token, innermost first. */
const INCLUDE_SITES = Symbol('docsmith.includeSites');

/** The `{% include %}` (or `render`) tags an error came through, innermost first. */
export function includeSitesOf(error: unknown): Token[] {
  return (typeof error === 'object' && error !== null && (error as { [INCLUDE_SITES]?: Token[] })[INCLUDE_SITES]) || [];
}

/** Templates that include each other without end; the chain of names is in the message. */
class IncludeLoopError extends Error {}

/**
 * Replaces `include`, `render` and `layout` with versions that (1) accept only a
 * quoted template name, so no variable can steer which file is read, (2) stop a
 * template that includes itself without end, directly or through others, instead of
 * recursing until the stack or the render-time limit gives out (the repeating chain
 * of names goes into the error so the writer sees the loop), (3) read every argument
 * or refuse the tag, so no argument is quietly misread, and (4) mark each error coming
 * out of a partial with the tag it came through, so reports say where it was included.
 */
export function confinePartials(liquid: Liquid, templateNames: readonly string[]): void {
  // One stack per engine: rendering is synchronous, so renders never interleave.
  const chain: string[] = [];
  for (const [name, Base] of [['include', IncludeTag], ['render', RenderTag], ['layout', LayoutTag]] as Array<[string, PartialTagClass]>) {
    liquid.registerTag(name, confined(Base, name, { chain, templateNames }) as unknown as Parameters<Liquid['registerTag']>[1]);
  }
}

function confined(Base: PartialTagClass, tagName: string, engine: { chain: string[]; templateNames: readonly string[] }) {
  const { chain } = engine;
  // liquidjs declares `file` private; it is the parsed name: a string for a quoted literal.
  const fileOf = (tag: object) => (tag as { file?: unknown }).file;
  const Tag = Base as unknown as new (token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) => {
    token: TagToken;
    tokenizer: Tokenizer;
    render(ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown>;
  };
  return class ConfinedPartialTag extends Tag {
    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid, parser: Parser) {
      super(token, remain, liquid, parser);
      const file = fileOf(this);
      if (typeof file !== 'string') throw new Error(unquotedName(tagName, token.args));
      if (tagName === 'include') {
        (this as unknown as { hash: unknown }).hash = includeArguments(token, liquid, file);
      } else {
        const rest = this.tokenizer.remaining().trim();
        const hash = (this as unknown as { hash?: Hash; args?: Hash }).hash ?? (this as unknown as { args?: Hash }).args;
        const bare = Object.entries(hash?.hash ?? {}).find(([, value]) => value === undefined)?.[0];
        if (rest.startsWith('=') && bare !== undefined) {
          // Jekyll's spelling, which liquidjs read as a flag `bare` followed by text it skipped.
          throw new Error(`{% ${tagName} %} takes arguments as key: value, not key=value; write {% ${tagName} "${file}", ${bare}: ${rest.slice(1).trim()} %}`);
        }
        if (rest || bare !== undefined) {
          throw new Error(`{% ${tagName} %} could not read ${rest ? `"${rest}"` : `"${bare}" (it has no value)`}; write arguments as key: value, like {% ${tagName} "${file}", version: "3.7.0" %}`);
        }
      }
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
      const file = fileOf(this) as string;
      if (chain.length >= MAX_DEPTH) {
        // A template may render itself on purpose (a nested sidebar walks its items), so
        // only depth tells a loop; the repeating part of the chain shows where it is.
        const start = chain.lastIndexOf(file);
        const loop = [...chain.slice(start === -1 ? -3 : start), file].map((f) => `"${f}"`).join(' → ');
        throw new IncludeLoopError(`templates include each other ${MAX_DEPTH} levels deep, which means a loop: ${loop}`);
      }
      chain.push(file);
      try {
        return yield* super.render(ctx, emitter);
      } catch (error) {
        throw this.traced(error, file, chain.length === 1);
      } finally {
        chain.pop();
      }
    }

    /** The error as it leaves this tag: a missing template said plainly, an error from inside marked with this tag. */
    private traced(error: unknown, file: string, outermost: boolean): unknown {
      if (!(error instanceof LiquidError)) {
        // Only this tag's own lookup fails unwrapped: a nested tag's error comes wrapped by its template.
        return (error as { code?: string }).code === 'ENOENT' ? new Error(notFound(file, engine.templateNames)) : error;
      }
      const sites = includeSitesOf(error);
      // A loop's chain is 32 includes long and its message names the loop: keep only where the page starts it.
      const loop = causedBy(error, IncludeLoopError);
      // An error in this tag's own arguments (`since=include.since`) is not from inside the partial.
      const at = (error as { token?: Token }).token;
      const own = at !== undefined && at.input === this.token.input && at.begin >= this.token.begin && at.begin < this.token.end;
      if (!own && (!loop || outermost)) {
        Object.defineProperty(error, INCLUDE_SITES, { value: [...sites, this.token], configurable: true });
      }
      return error;
    }
  };
}

/** Whether `error`, or an error it wraps (liquidjs wraps them one in another at each level), is a `Kind`. */
function causedBy(error: unknown, Kind: new (...args: never[]) => Error): boolean {
  if (error instanceof Kind) return true;
  if (typeof error !== 'object' || error === null) return false;
  const { originalError, errors } = error as { originalError?: unknown; errors?: unknown[] };
  // A `LiquidErrors` is its first error's `originalError` too: follow one of the two, or the walk doubles at each level.
  return Array.isArray(errors) ? errors.some((inner) => causedBy(inner, Kind)) : causedBy(originalError, Kind);
}

/**
 * Reads `{% include %}`'s arguments in both spellings, Liquid's `key: value` and Jekyll's
 * `key="value"`, and passes them to the partial both ways: as plain names (Liquid) and as
 * `include.key` (Jekyll). liquidjs reads only one spelling and took `version="3.7.0"` for
 * a flag named `version`, printing `true`; anything it cannot read is an error here.
 */
function includeArguments(token: TagToken, liquid: Liquid, file: string) {
  const t = new Tokenizer(token.input, liquid.options.operators, token.file, [token.contentRange[1] - token.args.length, token.contentRange[1]]);
  t.readValue(); // the name, already read by liquidjs
  const afterName = t.p;
  if (t.readIdentifier().content === 'with') {
    t.skipBlank();
    if (t.peek() === ':') t.p = afterName;
    else t.readValue();
  } else t.p = afterName;
  const example = `{% include "${file}" version="3.7.0" %}`;
  const values: Record<string, Token | undefined> = {};
  for (;;) {
    t.skipBlank();
    if (t.peek() === ',') t.advance();
    t.skipBlank();
    if (t.end()) break;
    const name = t.readNonEmptyIdentifier();
    if (!name) throw new Error(`{% include %} could not read "${t.remaining().trim()}"; write arguments as key="value", like ${example}`);
    t.skipBlank();
    const separator = t.peek();
    if (separator === '=' || separator === ':') t.advance();
    const value = separator === '=' || separator === ':' ? t.readValue() : undefined;
    if (!value) throw new Error(`include argument "${name.content}" has no value; write ${name.content}="…", like ${example}`);
    values[name.content] = value;
  }
  const args = new Hash('');
  args.hash = values;
  return {
    hash: values, // what liquidjs's static analysis reads
    *render(ctx: Context): Generator<unknown, Record<string, unknown>, unknown> {
      const given = (yield args.render(ctx)) as Record<string, unknown>;
      return { ...given, include: { ...given } };
    },
  };
}

/** A file extension: `.html` in `badge.html`, not `.env` (a name starting with a dot). */
const EXTENSION = /(?<=[^/.])\.[a-z]+$/i;

/** The message for `{% include badge.html %}` (Jekyll's spelling) or `{% include page.x %}`. */
function unquotedName(tagName: string, args: string): string {
  const written = /^[^\s,]+/.exec(args)?.[0] ?? '';
  if (/[/.]/.test(written) && !/^(?:page|site|include)\./.test(written)) {
    const name = written.replace(EXTENSION, '');
    return `the template name in {% ${tagName} ${written} %} must be quoted and written without its extension: {% ${tagName} "${name}" %} reads templates/${name}.liquid`;
  }
  return `{% ${tagName} %} needs a quoted template name, like {% ${tagName} "partials/note" %}; names from variables are not allowed`;
}

/** The message for a quoted name with no template: `"badge.html"` (an extension), `"badje"` (a typo). */
function notFound(file: string, templateNames: readonly string[]): string {
  const names = templateNames.map((name) => name.replace(/\.liquid$/, ''));
  const stem = file.replace(EXTENSION, '');
  if (stem !== file) {
    const hint = names.includes(stem) ? `did you mean "${stem}"?` : `"${stem}" reads templates/${stem}.liquid`;
    return `template "${file}" not found: templates are .liquid files in templates/, named without the extension; ${hint}`;
  }
  const close = names.find((name) => leven(name, file) <= Math.max(2, Math.floor(file.length / 4)));
  return `template "${file}" not found in templates/${close === undefined ? '' : `; did you mean "${close}"?`}`;
}
