import type { Construct, Previous, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';

/**
 * What each source line holds that a GFM construct needs on it (bit flags).
 * An email autolink literal (`a@b.cd`) needs an `@` on its own line (none of its
 * characters is a line ending); `www.example.com` needs `www.`; `https://x.y` needs `://`.
 * A table needs, on the line under its header row, a delimiter row (`| --- | :-: |`):
 * only `-`, `:`, `|`, spaces and tabs after the containers' `>` markers and indentation,
 * with at least one `-` and at least one `|` or `:`.
 */
const EMAIL = 1;
const WWW = 2;
const PROTOCOL = 4;
const DELIMITER_ROW = 8;

/**
 * Flags by line number (1-based, as micromark counts: `\r\n`, `\r` and `\n` end a line).
 * A line it does not know of (there is none) lets everything through.
 */
type LineFlags = Uint8Array;

/**
 * The flags of the document a processor is parsing, read by that processor's gated
 * constructs. Parsing is synchronous, so one document at a time (a nested parse puts the
 * outer document's flags back when it ends). Each processor owns one.
 */
interface ParseState {
  flags: LineFlags | undefined;
}

const LINE_ENDING = /\r\n|\r|\n/;
const ONLY_DELIMITER_ROW_CHARACTERS = /^[\t >|:-]*$/;
const WWW_DOT = /www\./i;

export function lineFlags(document: string): LineFlags {
  const lines = document.split(LINE_ENDING);
  // Index 0 is unused (lines count from 1); one more at the end, so `line + 1` of the
  // last line reads 0.
  const flags = new Uint8Array(lines.length + 2);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    let flag = 0;
    if (line.includes('@')) flag |= EMAIL;
    if (line.includes('://')) flag |= PROTOCOL;
    if (WWW_DOT.test(line)) flag |= WWW;
    if (line.includes('-') && (line.includes('|') || line.includes(':')) && ONLY_DELIMITER_ROW_CHARACTERS.test(line)) {
      flag |= DELIMITER_ROW;
    }
    flags[index + 1] = flag;
  }
  return flags;
}

/**
 * Same tree as remark-gfm alone, about 1.7 ms a page sooner (a fifth of micromark's time on
 * the benchmark's API pages). Two of GFM's constructs are tried far more often than they
 * can match:
 * - autolink literals hook every letter and digit, so inline text is cut at every word and
 *   an email is tried on each one (the word is read twice), on lines with no `@` at all;
 * - a table is tried at the start of every block and every paragraph line, reading the
 *   whole line as a header row, although no line under it is a delimiter row.
 * This plugin looks at each line of the document once and lets those constructs start
 * only where the line holds what they need (see the flags above); everywhere else they
 * would have failed anyway, so nothing else changes: where micromark asks whether text
 * may break for an autolink (`previous`), the answer is no when its line lacks the
 * character it needs, and a table header row is refused at once when the next line
 * cannot be a delimiter row. A test compares trees, positions included, with remark-gfm's
 * on generated pages. Use right after remark-gfm.
 */
export function remarkGfmLineGates(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  const extensions = data.micromarkExtensions ?? [];
  const state: ParseState = { flags: undefined };
  const gates = new Gates(state);
  // In place in the list, which is this processor's own; the items are copied.
  for (let index = 0; index < extensions.length; index++) extensions[index] = gates.gateExtension(extensions[index]);
  if (!gates.names.has('emailAutolink') || !gates.names.has('table')) {
    throw new Error('remarkGfmLineGates: remark-gfm’s constructs were not found; use it right after remark-gfm');
  }
  const parse = this.parser;
  if (!parse) throw new Error('remarkGfmLineGates: no parser; use it after remark-parse');
  this.parser = (document, file) => {
    const outer = state.flags;
    state.flags = lineFlags(document);
    try {
      return parse(document, file);
    } finally {
      state.flags = outer;
    }
  };
}

/**
 * Makes one processor's gated copies of GFM's constructs, which read that processor's
 * parse state; `names` lists the constructs it gated.
 */
class Gates {
  readonly names = new Set<string>();
  /** Each construct's gated copy, so a construct listed twice is gated once. */
  private readonly made = new Map<Construct, Construct | undefined>();

  constructor(private readonly state: ParseState) {}

  /**
   * A copy of the extension with the gated constructs swapped in. Copies, because extension
   * records can be module-level objects shared with every other parser in the process.
   */
  gateExtension(extension: unknown): unknown {
    if (Array.isArray(extension)) return extension.map((item: unknown) => this.gateExtension(item));
    if (!extension || typeof extension !== 'object') return extension;
    const copy: Record<string, unknown> = {};
    for (const [hook, record] of Object.entries(extension)) {
      if (!record || typeof record !== 'object') {
        copy[hook] = record;
        continue;
      }
      // A record of constructs by character code (`null`: tried at every character).
      const gatedRecord: Record<string, unknown> = {};
      for (const [code, value] of Object.entries(record as Record<string, unknown>)) {
        const list = (Array.isArray(value) ? value : [value]) as unknown[];
        const swapped = list.map((item) => (isConstruct(item) ? (this.gateFor(item) ?? item) : item));
        gatedRecord[code] = Array.isArray(value) ? swapped : swapped[0];
      }
      copy[hook] = gatedRecord;
    }
    return copy;
  }

  private gateFor(construct: Construct): Construct | undefined {
    if (this.made.has(construct)) return this.made.get(construct);
    let gate: Construct | undefined;
    if (construct.name === 'emailAutolink') gate = gatePrevious(construct, EMAIL, this.state);
    else if (construct.name === 'wwwAutolink') gate = gatePrevious(construct, WWW, this.state);
    else if (construct.name === 'protocolAutolink') gate = gatePrevious(construct, PROTOCOL, this.state);
    else if (construct.name === 'table') gate = gateTable(construct, this.state);
    if (gate) this.names.add(construct.name!);
    this.made.set(construct, gate);
    return gate;
  }
}

function isConstruct(value: unknown): value is Construct {
  return typeof value === 'object' && value !== null && typeof (value as Construct).tokenize === 'function';
}

function gatePrevious(construct: Construct, flag: number, state: ParseState): Construct {
  const previous = construct.previous!;
  const gated: Previous = function (this: TokenizeContext, code) {
    const flags = state.flags;
    return previous.call(this, code) && (flags === undefined || ((flags[this.now().line] ?? flag) & flag) !== 0);
  };
  return { ...construct, previous: gated };
}

function gateTable(construct: Construct, state: ParseState): Construct {
  const tokenize = construct.tokenize;
  const gated: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const start: State = (code) => {
      const flags = state.flags;
      if (flags !== undefined && ((flags[self.now().line + 1] ?? DELIMITER_ROW) & DELIMITER_ROW) === 0 && !continuesTable(self)) {
        return nok(code);
      }
      return tokenize.call(self, effects, ok, nok)(code);
    };
    return start;
  };
  return { ...construct, tokenize: gated };
}

/**
 * Whether this line would be a body row of a table above (which needs no delimiter row
 * under it): the same look back the table construct makes, past line endings and prefixes.
 */
function continuesTable(context: TokenizeContext): boolean {
  let index = context.events.length - 1;
  while (index > -1) {
    const type = context.events[index]![1].type;
    if (type === 'lineEnding' || type === 'linePrefix') index--;
    else break;
  }
  // A string: the table's token types are declared by its package, which is not imported here.
  const tail: string | null = index > -1 ? context.events[index]![1].type : null;
  return tail === 'tableHead' || tail === 'tableRow';
}
