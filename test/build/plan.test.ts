import { describe, expect, it } from 'vitest';
import { planOutput, type PlanInput } from '../../src/build/plan.ts';
import { FileSet } from '../../src/output/writer.ts';

/** An output holding these files, each under the fingerprint given. */
function output(files: Record<string, string>): FileSet {
  const set = new FileSet();
  for (const [file, fingerprint] of Object.entries(files)) set.set(file, '', fingerprint);
  return set;
}

const pages = (current: FileSet, overrides: Partial<PlanInput> = {}) =>
  planOutput({ pageKeys: ['k-a', 'k-b2'], outputPaths: ['a/index.html', 'b/index.html'], current, searchKey: undefined, mayCarry: true, ...overrides });

describe('planOutput', () => {
  it('carries over the pages the output holds under the same key, and no other', () => {
    const plan = pages(output({ 'a/index.html': 'k-a', 'b/index.html': 'k-b1' }));
    expect(plan.carry).toEqual([true, false]);
    expect(plan.search).toEqual({ kind: 'off' });
  });

  it('carries nothing in a second pass, whose first already wrote pages', () => {
    expect(pages(output({ 'a/index.html': 'k-a' }), { mayCarry: false }).carry).toEqual([false, false]);
  });

  it('carries the search index whole when every file of it has the index key', () => {
    const current = output({ 'a/index.html': 'k-a', 'pagefind/x.pf': 's1', 'pagefind/y.pf': 's1' });
    expect(pages(current, { searchKey: 's1' })).toMatchObject({ carry: [true, false], search: { kind: 'carry', files: ['pagefind/x.pf', 'pagefind/y.pf'], fingerprint: 's1' } });
  });

  it('lays out every page when a new search index is made: the index reads every page', () => {
    const current = output({ 'a/index.html': 'k-a', 'pagefind/x.pf': 's1', 'pagefind/y.pf': 's0' });
    expect(pages(current, { searchKey: 's1' })).toMatchObject({ carry: [false, false], search: { kind: 'index', fingerprint: 's1' } });
  });
});
