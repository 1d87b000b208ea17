import type { Root } from 'hast';
import { flatTokenVariants, type Highlighter, type ShikiTransformer, type ThemedToken, type ThemeRegistrationResolved } from 'shiki';

export interface ThemePair {
  light: string;
  dark: string;
}

/** Highlights one block with both themes' colours; the same HTML as Shiki's own two-theme call. */
export type PairedHighlight = (code: string, lang: string) => Root;

/** Options passed on to each of Shiki's calls, as the caller passes them to its two-theme call. */
export interface PassedOptions {
  tokenizeTimeLimit?: number;
}

/**
 * Both themes' colours from one tokenization. Shiki's two-theme output tokenizes each
 * block once per theme, running the grammar's regexes twice to find the same scopes. When
 * the dark theme is the light one with other colours (the same rules, in the same order,
 * setting the same font styles, and each light colour standing for one dark colour), the
 * rule that styles a token is the same in both themes, so its dark colour follows from its
 * light one. GitHub's light and dark default themes are such a pair. One tokenization with
 * the light theme then gives the HTML Shiki's two passes give (tested on every code block
 * of the benchmark corpus and of the docs) in about half the time.
 *
 * Returns undefined for themes that are not such a pair: callers use Shiki's two passes.
 */
export function createPairedHighlight(highlighter: Highlighter, themes: ThemePair, passed: PassedOptions = {}): PairedHighlight | undefined {
  const darkOf = pairedColors(highlighter.getTheme(themes.light), highlighter.getTheme(themes.dark));
  if (!darkOf) return undefined;
  // The <pre>'s class and colour variables, exactly as Shiki writes them for the pair.
  const reference = highlighter.codeToHast('', { lang: 'text', themes: { light: themes.light, dark: themes.dark }, defaultColor: false }).children[0];
  if (reference?.type !== 'element') return undefined;
  const { class: pairClass, style: rootStyle } = reference.properties;
  if (typeof rootStyle !== 'string') return undefined;

  // A token's CSS variables depend on its light style alone: made once per style.
  const mapped = (color: string | undefined) => (color === undefined ? undefined : darkOf.get(color.toUpperCase()));
  const styles = new Map<string, ThemedToken['htmlStyle']>();
  const pairedStyle = (token: ThemedToken) => {
    const key = `${token.color}|${token.bgColor}|${token.fontStyle}`;
    let style = styles.get(key);
    if (!style) {
      const light = { color: token.color, bgColor: token.bgColor, fontStyle: token.fontStyle };
      const variants = { light, dark: { ...light, color: mapped(token.color), bgColor: mapped(token.bgColor) } };
      style = flatTokenVariants({ content: '', offset: 0, variants }, ['light', 'dark'], '--shiki-', false).htmlStyle;
      styles.set(key, style);
    }
    return style;
  };
  const transformer: ShikiTransformer = {
    // What Shiki's two-theme path does once it has both tokenizations: a variant per
    // theme, flattened into CSS variables, then whitespace merged into the next token.
    tokens(lines) {
      return lines.map((line) => joinWhitespaceToNext(line.map((token) => ({ content: token.content, offset: token.offset, htmlStyle: pairedStyle(token) }))));
    },
    pre(node) {
      node.properties.class = pairClass;
    },
  };
  return (code, lang) => highlighter.codeToHast(code, { lang, theme: themes.light, rootStyle, mergeWhitespaces: false, transformers: [transformer], ...passed });
}

/**
 * Light colour → dark colour, upper-cased as Shiki reports token colours, when the two
 * themes pair rule for rule; otherwise undefined. A light colour used by rules with
 * different dark colours breaks the pairing: its token's dark colour would be a guess.
 */
export function pairedColors(light: ThemeRegistrationResolved, dark: ThemeRegistrationResolved): Map<string, string> | undefined {
  const colors = new Map<string, string>();
  const pair = (from: string | undefined, to: string | undefined): boolean => {
    if (from === undefined || to === undefined) return from === to;
    const key = from.toUpperCase();
    const known = colors.get(key);
    if (known !== undefined && known !== to.toUpperCase()) return false;
    colors.set(key, to.toUpperCase());
    return true;
  };
  if (!pair(light.fg, dark.fg) || !pair(light.bg, dark.bg)) return undefined;
  if (light.settings.length !== dark.settings.length) return undefined;
  for (const [index, rule] of light.settings.entries()) {
    const other = dark.settings[index]!;
    const paired =
      JSON.stringify(rule.scope) === JSON.stringify(other.scope) &&
      rule.settings.fontStyle === other.settings.fontStyle &&
      pair(rule.settings.foreground, other.settings.foreground) &&
      pair(rule.settings.background, other.settings.background);
    if (!paired) return undefined;
  }
  return colors;
}

const BLANK = /^\s+$/;

/**
 * The whitespace handling Shiki's two-theme output shows (its `mergeWhitespaces` default,
 * applied after the variants are flattened, when no token has a font style left): a run
 * of blank tokens is written as part of the token that follows it on the line, starting
 * where the run starts (the last token of a line takes the run before it, blank or not,
 * and is never carried further). Shiki's own option
 * cannot be used here: it acts before the `tokens` hook, on tokens that still carry the
 * light theme's font styles, and keeps underlined blanks apart, which the two-theme output
 * does not.
 */
function joinWhitespaceToNext(line: ThemedToken[]): ThemedToken[] {
  const joined: ThemedToken[] = [];
  /** Blank tokens read since the last token written, waiting for the token they belong to. */
  let blanks: ThemedToken | undefined;
  const last = line.length - 1;
  for (let index = 0; index <= last; index++) {
    const token = line[index]!;
    if (index < last && BLANK.test(token.content)) {
      blanks = blanks ? { ...blanks, content: blanks.content + token.content } : token;
      continue;
    }
    joined.push(blanks ? { ...token, offset: blanks.offset, content: blanks.content + token.content } : token);
    blanks = undefined;
  }
  return joined;
}
