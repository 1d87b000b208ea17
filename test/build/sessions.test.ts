import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildSession, type BuildResult } from '../../src/build/index.ts';
import { CheckMemo } from '../../src/checks/memo.ts';
import { SiteNav } from '../../src/nav/site-nav.ts';
import { MemoryWriter } from '../../src/output/writer.ts';
import { MemoryRenderCache } from '../../src/render/cache.ts';
import { TemplateVariables } from '../../src/template/placeholders.ts';
import { makeSite } from '../helpers.ts';

/**
 * Two sites whose pages have the same paths but other titles, anchors, links and
 * metadata: any memo one session shared with the other would show up as the other
 * site's sidebar, a wrong broken-link answer or a wrong unreachable-page warning.
 */
function sites() {
  const alpha = makeSite({
    'site.config.ts': "export default { title: 'Alpha', brokenLinks: 'warning', metadata: { product: 'A' }, nav: [{ text: 'Guide', link: '/guide/' }] };\n",
    'content/index.md': '# Alpha home\n\n[Guide](./guide.md#install) {{ page.metadata.product }}\n',
    'content/guide.md': '# Alpha guide\n\n## Install\n',
    'content/orphan.md': '# Alpha orphan\n',
  });
  const beta = makeSite({
    'site.config.ts': "export default { title: 'Beta', brokenLinks: 'warning', metadata: { product: 'B' } };\n",
    'content/index.md': '# Beta home\n\n[Guide](./guide.md#setup) {{ page.metadata.product }}\n',
    'content/guide.md': '# Beta guide\n\n## Install\n',
    'content/orphan.md': '# Beta orphan\n',
  });
  roots.push(alpha, beta);
  return { alpha, beta };
}

const roots: string[] = [];
const sessions: BuildSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function session(root: string) {
  const writer = new MemoryWriter();
  const created = new BuildSession({ root, writer, cache: new MemoryRenderCache(), search: false });
  sessions.push(created);
  return { session: created, run: () => created.run(), invalidate: (file: string) => created.invalidate([file]), writer };
}

/** What a run says and writes, for comparing one session's runs with a fresh session's. */
function outcome(result: BuildResult, writer: MemoryWriter) {
  const html = Object.fromEntries([...writer.files].filter(([file]) => file.endsWith('.html')).map(([file, content]) => [file, String(content)]));
  return { diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule} ${d.message}`), html };
}

async function alone(root: string) {
  const fresh = session(root);
  return outcome(await fresh.run(), fresh.writer);
}

describe('two build sessions in one process', () => {
  it('never share a memo: interleaved runs of two sites give what each gives alone', async () => {
    const { alpha, beta } = sites();
    const a = session(alpha);
    const b = session(beta);
    for (let round = 0; round < 2; round++) {
      expect(outcome(await a.run(), a.writer)).toEqual(await alone(alpha));
      expect(outcome(await b.run(), b.writer)).toEqual(await alone(beta));
    }
    // Beta's broken anchor and alpha's orphan are each their own site's.
    expect((await alone(beta)).diagnostics).toEqual([expect.stringContaining('links/missing-anchor')]);
    expect((await alone(alpha)).diagnostics).toEqual([expect.stringContaining('nav/unreachable')]);

    // An edit in one site changes that site alone, and the other's next run is still its own.
    writeFileSync(path.join(alpha, 'content/guide.md'), '# Alpha guide\n\n## Setup\n');
    a.invalidate('content/guide.md');
    expect(outcome(await a.run(), a.writer)).toEqual(await alone(alpha));
    expect(outcome(await b.run(), b.writer)).toEqual(await alone(beta));
    expect((await alone(alpha)).diagnostics).toEqual([expect.stringContaining('links/missing-anchor'), expect.stringContaining('nav/unreachable')]);
  });
});

/** The memo-owning objects of these classes that `root` holds, through its fields and theirs, resolved promises included. */
async function memoOwners(root: object, classes: ReadonlyArray<abstract new (...args: never[]) => object>): Promise<Set<object>> {
  const found = new Set<object>();
  const seen = new Set<unknown>();
  const visit = async (value: unknown, depth: number): Promise<void> => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 5) return;
    seen.add(value);
    if (classes.some((type) => value instanceof type)) found.add(value);
    else if (value instanceof Promise) await visit(await value, depth + 1);
    else if (!(value instanceof Map || value instanceof Set || ArrayBuffer.isView(value))) for (const field of Object.values(value)) await visit(field, depth + 1);
  };
  await visit(root, 0);
  return found;
}

describe('the memos of a build session', () => {
  it('are objects of its own, none held by another session', async () => {
    const { alpha, beta } = sites();
    const a = session(alpha);
    const b = session(beta);
    await a.run();
    await b.run();
    for (const type of [CheckMemo, SiteNav, TemplateVariables]) {
      const [ofA, ofB] = await Promise.all([memoOwners(a.session, [type]), memoOwners(b.session, [type])]);
      expect(ofA.size, `a session holds a ${type.name}`).toBeGreaterThan(0);
      expect([...ofA].filter((memo) => ofB.has(memo)), `${type.name} shared by two sessions`).toEqual([]);
    }
  });
});
