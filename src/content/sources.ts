import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { decodeUtf8 } from './decode.ts';
import type { PageSource } from './discover.ts';
import { readPageHeader, type PageHeader } from './page-header.ts';

/**
 * Page texts and headers, read once and kept until the file changes: the dev server's
 * rebuild reads only the files it was told about.
 */
export class PageSources {
  private readonly texts = new Map<string, string>();
  private readonly headers = new Map<string, { text: string; header: PageHeader }>();
  /** Files that are not UTF-8, with where: reported on every run until the file changes. */
  private readonly undecodableFiles = new Map<string, Diagnostic>();

  constructor(private readonly root: string) {}

  invalidate(file: string): void {
    this.texts.delete(file);
  }

  /** The text read last, if any (for quoting a source line in a report). */
  known(file: string): string | undefined {
    return this.texts.get(file);
  }

  /**
   * A page's text. Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252)
   * are an error at the first bad byte, never silently turned into U+FFFD.
   */
  read(file: string, diagnostics: Diagnostic[]): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      const decoded = decodeUtf8(readFileSync(path.join(this.root, file)));
      text = decoded.text;
      if (decoded.invalid) {
        const { line, column, byte } = decoded.invalid;
        this.undecodableFiles.set(file, {
          file, line, column, severity: 'error', rule: 'content/not-utf8',
          message: `the file is not UTF-8 text (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here); save it with UTF-8 encoding`,
        });
      } else {
        this.undecodableFiles.delete(file);
      }
      this.texts.set(file, text);
    }
    const undecodable = this.undecodableFiles.get(file);
    if (undecodable) diagnostics.push(undecodable);
    return text;
  }

  /** The problems `read` reports for these files, without reading them again. */
  undecodable(files: ReadonlySet<string>): Diagnostic[] {
    return [...this.undecodableFiles.values()].filter((diagnostic) => files.has(diagnostic.file));
  }

  /** The page's header, the same object while its text and URL stay the same. */
  header(page: PageSource, text: string): PageHeader {
    const known = this.headers.get(page.file);
    if (known && known.text === text && known.header.url === page.url) return known.header;
    const header = readPageHeader(page, text);
    this.headers.set(page.file, { text, header });
    return header;
  }
}
