/** What Pagefind reads outside its `data-pagefind-body` region: its attributes, the default title (first `<h1>`) and image (first `<img>`). */
const READ_OUTSIDE_BODY = /data-pagefind|<h1[\s>]|<img[\s>]/i;

/**
 * The page as Pagefind needs it: the document head, and of the body only the element
 * marked `data-pagefind-body`, the only part it indexes. The sidebar, header, table of
 * contents and pager are most of a page's bytes (half, on the benchmark's API pages), and
 * Pagefind's single-threaded parse of them took about 30% of its indexing time.
 *
 * The element is found from the page's own body HTML (`body`, which the layout printed
 * whole inside it), so its extent is exact with no HTML parsing. The whole page is
 * returned unchanged whenever the cut could change the index: no single marked element,
 * the body not printed whole and alone inside it, or anything Pagefind reads outside it
 * in the rest of `<body>` (any `data-pagefind-*` attribute, an `<h1>`, an `<img>`).
 */
export function searchableHtml(html: string, body: string): string {
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1 || html.includes('data-pagefind-body', marker + 1)) return html;
  const open = html.lastIndexOf('<', marker);
  const tagEnd = html.indexOf('>', marker);
  const name = open === -1 || tagEnd === -1 ? undefined : /^<([a-z][a-z0-9-]*)\s/i.exec(html.slice(open, marker))?.[1];
  if (!name || html.slice(open, marker).includes('>')) return html;

  const bodyAt = html.indexOf(body, tagEnd + 1);
  if (bodyAt === -1 || !isBlank(html, tagEnd + 1, bodyAt)) return html;
  const close = `</${name}>`;
  const closeAt = html.indexOf(close, bodyAt + body.length);
  if (closeAt === -1 || !isBlank(html, bodyAt + body.length, closeAt)) return html;
  const end = closeAt + close.length;

  const bodyTag = html.lastIndexOf('<body', open);
  const bodyTagEnd = bodyTag === -1 ? -1 : html.indexOf('>', bodyTag) + 1;
  if (bodyTagEnd <= 0 || bodyTagEnd > open) return html;
  const bodyClose = html.indexOf('</body>', end);
  const outside = html.slice(bodyTagEnd, open) + html.slice(end, bodyClose === -1 ? html.length : bodyClose);
  if (READ_OUTSIDE_BODY.test(outside)) return html;
  return `${html.slice(0, bodyTagEnd)}${html.slice(open, end)}</body></html>`;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
