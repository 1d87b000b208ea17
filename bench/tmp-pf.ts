import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import * as pagefind from 'pagefind';
const dist = process.argv[2]!; const mode = process.argv[3]!; const inflight = Number(process.argv[4] ?? 1);
const files: string[] = [];
for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name === 'index.html' && !e.parentPath.includes('pagefind')) files.push(path.join(e.parentPath, e.name));
files.sort();
const pages = files.map((f) => ({ url: '/' + path.relative(dist, path.dirname(f)) + '/', html: readFileSync(f, 'utf8') }));
function trim(html: string): string {
  const open = html.indexOf('<article'); const close = html.lastIndexOf('</article>');
  const head = html.slice(0, html.indexOf('<body'));
  return `${head}<body>${html.slice(open, close + 10)}</body></html>`;
}
const t0 = performance.now();
const { index } = await pagefind.createIndex({});
let next = 0;
const send = async () => { while (next < pages.length) { const p = pages[next++]!; const r = await index!.addHTMLFile({ url: p.url, content: mode === 'trim' ? trim(p.html) : p.html }); if (r.errors.length) console.log(r.errors); } };
await Promise.all(Array.from({ length: inflight }, send));
const t1 = performance.now();
const out = await index!.getFiles();
const t2 = performance.now();
const h = createHash('sha256'); let bytes = 0;
for (const f of out.files.sort((a, b) => a.path.localeCompare(b.path))) { h.update(f.path); h.update(f.content); bytes += f.content.length; }
console.log(`${mode} inflight=${inflight}: add ${((t1 - t0) / 1000).toFixed(2)} s, getFiles ${((t2 - t1) / 1000).toFixed(2)} s, ${out.files.length} files, ${bytes} bytes, ${h.digest('hex').slice(0, 12)}; page bytes ${pages.reduce((n, p) => n + (mode === 'trim' ? trim(p.html) : p.html).length, 0)}`);
await pagefind.close();
