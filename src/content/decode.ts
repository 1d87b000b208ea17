import { LineIndex } from '../diagnostics/position.ts';

/** Strips a byte-order mark and turns CRLF and CR into LF, so columns count what the writer sees. */
export function normalizeSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export interface DecodedText {
  text: string;
  /** Where the first byte that is not UTF-8 is, as the writer's editor counts lines. */
  invalid?: { line: number; column: number; byte: number } | undefined;
}

/**
 * Decodes a source file as UTF-8. A file saved as Latin-1 or Windows-1252 is reported at
 * its first bad byte instead of being silently turned into U+FFFD characters.
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // The longest prefix that decodes (in streaming mode, so a sequence cut at the end of
    // the prefix does not count as bad) ends right before the first bad byte.
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const middle = (good + bad) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle;
      }
    }
    // The prefix may end inside a multi-byte sequence that the next byte breaks; the
    // malformed sequence then starts at that sequence's lead byte.
    let start = good;
    let lead = good - 1;
    while (lead > 0 && good - lead < 3 && (bytes[lead]! & 0xc0) === 0x80) lead--;
    const width = (byte: number) => (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2);
    if (lead >= 0 && bytes[lead]! >= 0xc0 && lead + width(bytes[lead]!) > good) start = lead;
    const prefix = normalizeSource(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, start)));
    const { line, column } = new LineIndex(prefix).positionAt(prefix.length);
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalid: { line, column, byte: bytes[start]! } };
  }
}
