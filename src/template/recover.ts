import { Parser, Token, TokenizationError, TokenKind, Tokenizer, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

/** One piece of a page's Liquid that failed: it stays in the output as written. */
export interface Failure {
  token: Token;
  /** Where the piece ends in the source: a block's end, past its own opening tag's token. */
  end: number;
  /** What went wrong; `undefined` for a consequence of an earlier failure, which is not reported again. */
  error: unknown;
}

/** Tags that continue a block (`{% else %}`), orphaned when the block's opening tag failed. */
const BRANCH_TAGS: ReadonlySet<string> = new Set(['else', 'elsif', 'when']);

/**
 * What failed in one page's Liquid, while parsing and while rendering: each piece once,
 * with its error (a piece that rendered with several problems has them all in one
 * `LiquidErrors`). A piece that fails is kept as written and the rest goes on, so every
 * problem of the page is found in one run.
 */
export class PageFailures {
  readonly list: Failure[] = [];
  private readonly tokens = new Set<Token>();
  /** A render limit was hit: the same limit failing again later is not reported again. */
  limited = false;
  /** Blocks whose opening tag failed after taking tokens: their `{% else %}` and `{% end… %}` tags are strays, not news. */
  readonly brokenBlocks = new Set<string>();
  /** Tags liquidjs does not know (`{% highlight %}`): their `{% end… %}` tags are not news either. */
  readonly unknownTags = new Set<string>();
  /** Names a failed block would have defined (`item` of `{% for item in … %}`): reading them later is no news. */
  readonly unbound = new Set<string>();

  has(token: Token): boolean {
    return this.tokens.has(token);
  }

  add(token: Token, error: unknown, end = token.end): void {
    if (this.tokens.has(token)) return;
    this.tokens.add(token);
    const limit = isLimit(error);
    // Past the render-time limit every node fails the same way: the first one says it.
    this.list.push({ token, end, error: limit && this.limited ? undefined : error });
    if (limit) this.limited = true;
  }

  mark(): number {
    return this.list.length;
  }

  /** Forgets what was found after `mark`: that stretch is about to be parsed again. */
  reset(mark: number): void {
    for (const { token } of this.list.splice(mark)) this.tokens.delete(token);
  }
}

/**
 * Parses a page body into templates, never failing as a whole: a piece that cannot be
 * read or parsed becomes a node that prints its own source text, and is recorded in
 * `failures`. liquidjs stops at the first error of a text (it reads all of
 * it into tokens, then parses them in one go); here each token is parsed on its own,
 * nested ones included, so one unknown filter no longer hides the page's other problems.
 */
export function parsePage(liquid: Liquid, body: string, failures: PageFailures): Template[] {
  if (body.length > liquid.options.parseLimit) throw new Error('parse length limit exceeded');
  const all = tokenize(liquid, body, failures);
  const remaining = all.slice();
  const parser = new RecoveringParser(liquid, all, remaining, failures);
  const templates: Template[] = [];
  for (let token = remaining.shift(); token; token = remaining.shift()) templates.push(parser.parseToken(token, remaining));
  return templates;
}

/**
 * The page's tokens. Where the tokenizer gives up (an `{{` never closed), the piece it
 * could not read becomes a failed token and reading goes on after it.
 */
function tokenize(liquid: Liquid, body: string, failures: PageFailures): TopLevelToken[] {
  const { options } = liquid;
  const reader = (from: number, to: number) => new Tokenizer(body, options.operators, undefined, [from, to], options.groupedExpressions);
  const tokens: TopLevelToken[] = [];
  for (let start = 0; start < body.length; ) {
    const tokenizer = reader(start, body.length);
    try {
      for (const token of tokenizer.readTopLevelTokens(options)) tokens.push(token);
      break;
    } catch (error) {
      if (!(error instanceof TokenizationError)) throw error;
      const { begin, end, raw } = unreadable(body, tokenizer, error, liquid);
      // What comes before it was read before, so it reads again the same.
      for (const token of reader(start, begin).readTopLevelTokens(options)) tokens.push(token);
      const failed = new UnreadToken(body, begin, end) as unknown as TopLevelToken;
      failures.add(failed, raw ? new TokenizationError('{% raw %} is never closed; add {% endraw %} where the literal text ends', failed) : error);
      tokens.push(failed);
      start = end;
    }
  }
  return tokens;
}

/** Text the tokenizer could not read; it is parsed as a failed node. */
class UnreadToken extends Token {
  constructor(input: string, begin: number, end: number) {
    super(TokenKind.HTML, input, begin, end);
  }
}

/** The stretch the tokenizer could not read, and where reading can go on. */
function unreadable(body: string, tokenizer: Tokenizer, error: TokenizationError, liquid: Liquid) {
  const { tagDelimiterLeft, outputDelimiterLeft } = liquid.options;
  // liquidjs keeps where an unclosed `{% raw %}` began in a private field.
  const rawAt = (tokenizer as unknown as { rawBeginAt: number }).rawBeginAt;
  // Everything after an unclosed raw was meant literally: reading it as Liquid would only find false problems.
  if (rawAt > -1) return { begin: rawAt, end: body.length, raw: true };
  const at = (error as unknown as { token: Token }).token.begin;
  for (const delimiter of [tagDelimiterLeft, outputDelimiterLeft]) {
    // Never closed: its opening braces are text, and reading goes on right after them.
    if (body.startsWith(delimiter, at)) return { begin: at, end: at + delimiter.length, raw: false };
  }
  // A closed tag with no name (`{% %}`): the whole tag.
  return { begin: Math.max(0, body.lastIndexOf(tagDelimiterLeft, at)), end: Math.max(tokenizer.p, at + 1), raw: false };
}

/**
 * liquidjs's parser, catching at each token of the page. Block tags take their contents
 * from the front of the one shared token list, so nested tokens come through here too.
 */
class RecoveringParser extends Parser {
  /** Blocks that failed after taking tokens, with their error. */
  private readonly neverClosed = new Map<TopLevelToken, unknown>();

  constructor(
    private readonly engine: Liquid,
    /** The page's tokens, in order; `remaining` is what is left of them to parse. */
    private readonly all: readonly TopLevelToken[],
    private readonly remaining: TopLevelToken[],
    private readonly failures: PageFailures,
  ) {
    super(engine);
  }

  override parseToken(token: TopLevelToken, remain: TopLevelToken[]): ReturnType<Parser['parseToken']> {
    // Other lists: a partial's quoted name, the lines of a {% liquid %} tag (which fails as a whole).
    if (remain !== this.remaining) return super.parseToken(token, remain);
    if (this.failures.has(token)) return new FailedNode(token) as unknown as ReturnType<Parser['parseToken']>;
    // A block that was never closed fails the same each time its stretch is parsed again:
    // known, it is not tried again (each try would retry every unclosed block after it).
    if (this.neverClosed.has(token)) {
      this.failures.add(token, this.neverClosed.get(token));
      return new FailedNode(token) as unknown as ReturnType<Parser['parseToken']>;
    }
    const next = this.all.length - remain.length;
    const mark = this.failures.mark();
    try {
      return super.parseToken(token, remain);
    } catch (error) {
      const taken = this.all.length - remain.length - next;
      if (taken > 0) {
        // A block that failed on its own account (never closed) gives back what it took:
        // its contents are parsed again as if it were not there, still checked, reported once.
        this.failures.reset(mark);
        remain.length = 0;
        for (let i = next; i < this.all.length; i++) remain.push(this.all[i]!);
        this.failures.brokenBlocks.add((token as TagToken).name);
        for (const name of boundBy(token as TagToken)) this.failures.unbound.add(name);
        this.neverClosed.set(token, error);
      }
      this.failures.add(token, this.expectedStray(token) ? undefined : error);
      return new FailedNode(token) as unknown as ReturnType<Parser['parseToken']>;
    }
  }

  /** An `{% endhighlight %}` after an unknown `{% highlight %}`, an `{% else %}` of an `{% if %}` that failed. */
  private expectedStray(token: TopLevelToken): boolean {
    if (token.kind !== TokenKind.Tag) return false;
    const name = (token as TagToken).name;
    if (this.engine.tags[name]) return false;
    const { brokenBlocks, unknownTags } = this.failures;
    if (name.startsWith('end')) return brokenBlocks.has(name.slice(3)) || unknownTags.has(name.slice(3));
    if (BRANCH_TAGS.has(name)) return brokenBlocks.size > 0;
    unknownTags.add(name);
    return false;
  }
}

/** The names a block tag defines for what it holds, or after it. */
function boundBy(token: TagToken): string[] {
  if (token.name === 'for' || token.name === 'tablerow') {
    const name = /^\s*([\w-]+)\s+in\b/.exec(token.args)?.[1];
    return name ? [name, token.name === 'for' ? 'forloop' : 'tablerowloop'] : [];
  }
  if (token.name === 'capture') return [/^\s*['"]?([\w-]+)/.exec(token.args)?.[1] ?? ''].filter(Boolean);
  return [];
}

/** A piece that did not parse: it prints as written (the page has failed; this keeps positions close for what follows). */
class FailedNode {
  constructor(readonly token: Token) {}
  *render(_ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    emitter.write(this.token.getText());
  }
}

/** liquidjs's render-time, memory and parse-size limits, however deep the error was wrapped. */
export function isLimit(error: unknown): boolean {
  const e = error as { message?: unknown; originalError?: unknown; errors?: unknown[] } | null | undefined;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.message === 'string' && /limit exceeded/.test(e.message)) return true;
  // A `LiquidErrors` is its first error's `originalError` too: follow one of the two, or the walk doubles at each level.
  return Array.isArray(e.errors) ? e.errors.some(isLimit) : isLimit(e.originalError);
}
