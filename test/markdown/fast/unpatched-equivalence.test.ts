import fc from 'fast-check';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialects } from '../../../bench/dialects.ts';
import { renderPageBody } from '../../../bench/pages.ts';
import { planSite } from '../../../bench/plan.ts';
import { block, pageSource } from '../../fuzz/arbitraries.ts';
import type { Answer } from './unpatched/render-documents.ts';

/**
 * patches/ changes micromark, micromark-util-subtokenize and mdast-util-from-markdown for
 * speed only. This renders the same documents with docsmith's markdown processor twice, in
 * two child processes: one on the patched packages, one on the same versions installed
 * unpatched under npm aliases (devDependencies), which a module hook substitutes for every
 * import of the patched names. Trees (positions included), HTML and what the plugins
 * collect must be the same. Documents: every page of the fixture and invalid sites and of
 * the docs, generated pages from the fuzz tests' generators, benchmark API pages, and the
 * CommonMark spec's examples (and the spec itself).
 */

const HERE = path.dirname(new URL(import.meta.url).pathname);
const CHILD = path.join(HERE, 'unpatched', 'render-documents.ts');
const UNPATCHED_HOOKS = path.join(HERE, 'unpatched', 'register.mjs');

interface Document {
  name: string;
  text: string;
}

function markdownFiles(dir: string): Document[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !file.split(path.sep).includes('node_modules') && !file.split(path.sep).includes('expected'))
    .map((file) => ({ name: path.join(dir, file), text: readFileSync(path.join(dir, file), 'utf8') }));
}

function documents(): Document[] {
  const sites = ['test/fixtures', 'test/invalid'].flatMap((dir) => readdirSync(dir).map((site) => path.join(dir, site)));
  // As the processor sees a page: without its frontmatter.
  const pages = [...sites, 'content'].flatMap(markdownFiles).map(({ name, text }) => ({ name, text: text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') }));
  const generated = fc.sample(pageSource, { seed: 15, numRuns: 150 }).map((text, index) => ({ name: `generated page ${index}`, text }));
  const blocks = fc.sample(fc.array(block, { minLength: 1, maxLength: 12 }), { seed: 16, numRuns: 150 }).map((parts, index) => ({ name: `generated blocks ${index}`, text: parts.join('\n') }));
  const plans = planSite(40, 15).filter((plan) => plan.section);
  const api = plans.map((plan, index) => ({ name: `benchmark page ${index}`, text: renderPageBody(plan, plans, dialects.docsmith) }));
  const spec = createRequire(import.meta.url)('commonmark-spec') as { text: string; tests: Array<{ markdown: string; number: number }> };
  // The spec writes tabs as `→`.
  const examples = spec.tests.map((example) => ({ name: `CommonMark example ${example.number}`, text: example.markdown.replaceAll('→', '\t') }));
  return [...pages, ...generated, ...blocks, ...api, ...examples, { name: 'CommonMark spec', text: spec.text }];
}

/** Renders the documents in a child process, with the unpatched packages or not. */
function renderInChild(texts: string[], unpatched: boolean): Promise<Answer> {
  const execArgv = ['--import', 'tsx', ...(unpatched ? ['--import', UNPATCHED_HOOKS] : [])];
  const child = fork(CHILD, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    child.once('message', (answer) => resolve(answer as Answer));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${unpatched ? 'unpatched' : 'patched'} renderer exited (${code}) without an answer`)));
    child.send(texts);
  });
}

describe('the patched parser packages', () => {
  it('give the trees and HTML the unpatched versions give', async () => {
    const docs = documents();
    const texts = docs.map((doc) => doc.text);
    const [patched, unpatched] = await Promise.all([renderInChild(texts, false), renderInChild(texts, true)]);

    // Each side ran what it should.
    for (const name of Object.keys(patched.resolved)) {
      expect(patched.resolved[name], name).toContain(`/node_modules/${name}/`);
      expect(unpatched.resolved[name], name).toContain(`/node_modules/${name}-unpatched/`);
    }
    expect(patched.patchedBehaviour).toEqual({ fromMarkdown: true, micromark: true });
    expect(unpatched.patchedBehaviour).toEqual({ fromMarkdown: false, micromark: false });

    expect(docs.length).toBeGreaterThan(1000);
    const differing = docs.filter((_, index) => JSON.stringify(patched.rendered[index]) !== JSON.stringify(unpatched.rendered[index]));
    const first = differing[0] && docs.indexOf(differing[0]);
    // On a difference: the first document that differs, and its two renderings.
    expect(first === undefined ? [] : [differing.map((doc) => doc.name), docs[first]!.text, unpatched.rendered[first], patched.rendered[first]]).toEqual([]);
  }, 60_000);
});
