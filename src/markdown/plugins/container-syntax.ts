// Longer than our other modules on purpose: one micromark construct is one state machine
// (opening fence, name, title, content, closing fence), and its states read best together.
import { factorySpace } from 'micromark-factory-space';
import { asciiAlpha, asciiAlphanumeric, markdownLineEnding, markdownSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    container: 'container';
    containerFence: 'containerFence';
    containerSequence: 'containerSequence';
    containerName: 'containerName';
    containerLabelMarker: 'containerLabelMarker';
    containerTitle: 'containerTitle';
    containerContent: 'containerContent';
    containerCloseFence: 'containerCloseFence';
  }
}

const COLON = 58;
const DASH = 45;
const UNDERSCORE = 95;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const BACKSLASH = 92;
const TAB_SIZE = 4;

/**
 * Container blocks as VitePress (markdown-it-container) and Docusaurus (admonitions) write them:
 *
 *     ::: warning Custom title        :::note[Custom title]        :::: details
 *     Any markdown, parsed as blocks.  Any markdown.                 ...
 *     :::                              :::                          ::::
 *
 * An opening line is three or more colons, optional spaces, a name (a letter, then letters,
 * digits, `-` or `_`), then nothing, a `[title]`, or spaces and a title to the end of the
 * line (titles are inline markdown). The closing line has at least as many colons and
 * nothing else; without one the container runs to the end of its parent (the document, a
 * list item, a quote), as in VitePress. An opening line may interrupt a paragraph.
 *
 * micromark-extension-directive (remark-directive, which Docusaurus builds on) cannot
 * read VitePress's spelling: it wants the name right after the colons (`::: tip` fails)
 * and nothing after the name but `[label]{attributes}` (`:::warning Title` fails), and it
 * also turns `:name` in running text into directives. This construct follows its container
 * (same content model: the lines inside are a document of their own, so positions are the
 * source's and anything nests), with the opening line both tools write.
 */
export const containerSyntax: Extension = {
  flow: { [COLON]: { name: 'container', tokenize: tokenizeContainer, concrete: true } },
};

const nonLazyLine: Construct = { tokenize: tokenizeNonLazyLine, partial: true };
const bracketTitle: Construct = { tokenize: tokenizeBracketTitle, partial: true };

function tokenizeContainer(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const tail = self.events[self.events.length - 1];
  // Inside a list item the content lines carry its indentation, which is not theirs.
  const initialSize = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let sizeOpen = 0;
  let previous: Token | undefined;
  const closingFence: Construct = { tokenize: tokenizeClosingFence, partial: true };

  return start;

  function start(code: Code): State | undefined {
    effects.enter('container');
    effects.enter('containerFence');
    effects.enter('containerSequence');
    return sequenceOpen(code);
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === COLON) {
      effects.consume(code);
      sizeOpen++;
      return sequenceOpen;
    }
    if (sizeOpen < 3) return nok(code);
    effects.exit('containerSequence');
    return factorySpace(effects, nameStart, 'whitespace')(code);
  }

  function nameStart(code: Code): State | undefined {
    if (!asciiAlpha(code)) return nok(code);
    effects.enter('containerName');
    effects.consume(code);
    return nameInside;
  }

  function nameInside(code: Code): State | undefined {
    if (asciiAlphanumeric(code) || code === DASH || code === UNDERSCORE) {
      effects.consume(code);
      return nameInside;
    }
    effects.exit('containerName');
    if (code === LEFT_BRACKET) return effects.attempt(bracketTitle, openAfter, nok)(code);
    if (markdownSpace(code)) return factorySpace(effects, titleStart, 'whitespace')(code);
    return code === null || markdownLineEnding(code) ? openAfter(code) : nok(code);
  }

  function titleStart(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return openAfter(code);
    effects.enter('containerTitle');
    // Inline markdown (emphasis, code, links); micromark drops the trailing spaces.
    effects.enter('chunkText', { contentType: 'text' });
    return titleInside(code);
  }

  function titleInside(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('chunkText');
      effects.exit('containerTitle');
      return openAfter(code);
    }
    effects.consume(code);
    return titleInside;
  }

  function openAfter(code: Code): State | undefined {
    effects.exit('containerFence');
    if (code === null) return after(code);
    // Interrupting a paragraph is only asked whether it may: it may.
    if (self.interrupt) return ok(code);
    return effects.attempt(nonLazyLine, contentStart, after)(code);
  }

  function contentStart(code: Code): State | undefined {
    if (code === null) return after(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, emptyLineAfter, after)(code);
    effects.enter('containerContent');
    return lineStart(code);
  }

  function emptyLineAfter(code: Code): State | undefined {
    effects.enter('containerContent');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    return effects.attempt(closingFence, afterContent, initialSize ? factorySpace(effects, chunkStart, 'linePrefix', initialSize + 1) : chunkStart)(code);
  }

  function chunkStart(code: Code): State | undefined {
    if (code === null) return afterContent(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, chunkNonLazyStart, afterContent)(code);
    return chunkNonLazyStart(code);
  }

  // Each line is a chunk of a document of its own, linked to the previous line's.
  function chunkNonLazyStart(code: Code): State | undefined {
    const token = effects.enter('chunkDocument', { contentType: 'document', previous });
    if (previous) previous.next = token;
    previous = token;
    return contentContinue(code);
  }

  function contentContinue(code: Code): State | undefined {
    if (code === null) {
      const token = effects.exit('chunkDocument');
      self.parser.lazy[token.start.line] = false;
      return afterContent(code);
    }
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, nonLazyLineAfter, lineAfter)(code);
    effects.consume(code);
    return contentContinue;
  }

  function nonLazyLineAfter(code: Code): State | undefined {
    effects.consume(code);
    const token = effects.exit('chunkDocument');
    self.parser.lazy[token.start.line] = false;
    return lineStart;
  }

  function lineAfter(code: Code): State | undefined {
    const token = effects.exit('chunkDocument');
    self.parser.lazy[token.start.line] = false;
    return afterContent(code);
  }

  function afterContent(code: Code): State | undefined {
    effects.exit('containerContent');
    return after(code);
  }

  function after(code: Code): State | undefined {
    effects.exit('container');
    return ok(code);
  }

  function tokenizeClosingFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    const indented = self.parser.constructs.disable.null?.includes('codeIndented') ? undefined : TAB_SIZE;
    return factorySpace(effects, closeStart, 'linePrefix', indented);

    function closeStart(code: Code): State | undefined {
      effects.enter('containerCloseFence');
      return closeSequence(code);
    }

    function closeSequence(code: Code): State | undefined {
      if (code === COLON) {
        effects.consume(code);
        size++;
        return closeSequence;
      }
      if (size < sizeOpen) return nok(code);
      return factorySpace(effects, closeEnd, 'whitespace')(code);
    }

    function closeEnd(code: Code): State | undefined {
      if (code !== null && !markdownLineEnding(code)) return nok(code);
      effects.exit('containerCloseFence');
      return ok(code);
    }
  }
}

/** `[title]` after the name (Docusaurus 3), balanced brackets, on one line, then only spaces. */
function tokenizeBracketTitle(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let balance = 0;
  let chunk: Token | undefined;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('containerLabelMarker');
    effects.consume(code);
    effects.exit('containerLabelMarker');
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return nok(code);
    if (code === RIGHT_BRACKET && balance === 0) {
      if (chunk) {
        effects.exit('chunkText');
        effects.exit('containerTitle');
      }
      effects.enter('containerLabelMarker');
      effects.consume(code);
      effects.exit('containerLabelMarker');
      return factorySpace(effects, end, 'whitespace');
    }
    if (!chunk) {
      effects.enter('containerTitle');
      chunk = effects.enter('chunkText', { contentType: 'text' });
    }
    if (code === LEFT_BRACKET) balance++;
    if (code === RIGHT_BRACKET) balance--;
    effects.consume(code);
    return code === BACKSLASH ? escaped : inside;
  }

  function escaped(code: Code): State | undefined {
    if (code === LEFT_BRACKET || code === RIGHT_BRACKET || code === BACKSLASH) {
      effects.consume(code);
      return inside;
    }
    return inside(code);
  }

  function end(code: Code): State | undefined {
    return code === null || markdownLineEnding(code) ? ok(code) : nok(code);
  }
}

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}
