import { describe, expect, it } from 'vitest';
import { checkUnusedMetadata, PlaceholderUse } from '../../src/checks/metadata.ts';

const configSource = "export default {\n  metadata: {\n    used: 1,\n    unused: 2,\n  },\n};\n";

describe('checkUnusedMetadata', () => {
  it('warns at each key nothing reads', () => {
    expect(checkUnusedMetadata({ keys: ['used', 'unused'], used: ['page.metadata.used', 'page.title'], configSource })).toEqual([
      { file: 'site.config.ts', line: 4, column: 5, severity: 'warning', message: 'metadata key "unused" is not used by any page or template', rule: 'metadata/unused' },
    ]);
  });
  it('counts reads through site.metadata and of the whole object', () => {
    expect(checkUnusedMetadata({ keys: ['used', 'unused'], used: ['page.metadata.used', 'site.metadata.unused'], configSource })).toEqual([]);
    expect(checkUnusedMetadata({ keys: ['used', 'unused'], used: ['page.metadata'], configSource })).toEqual([]);
  });
});

describe('PlaceholderUse', () => {
  const sorted = (paths: Iterable<string>) => [...paths].sort();

  it('follows the pages from run to run: a changed page trades its paths, a removed one takes its own away', () => {
    const use = new PlaceholderUse();
    const a = { placeholders: ['page.metadata.x', 'page.title'] };
    const b = { placeholders: ['page.metadata.x'] };
    expect(sorted(use.update([a, b]))).toEqual(['page.metadata.x', 'page.title']);
    // `a` edited: its new record no longer reads the title; `x` is still read by `b`.
    expect(sorted(use.update([{ placeholders: ['page.metadata.x'] }, b]))).toEqual(['page.metadata.x']);
    expect(sorted(use.update([{ placeholders: ['page.metadata.y'] }, b]))).toEqual(['page.metadata.x', 'page.metadata.y']);
    // `b` deleted.
    expect(sorted(use.update([{ placeholders: ['page.metadata.y'] }]))).toEqual(['page.metadata.y']);
  });

  it('counts a path each page reads, so one page dropping it keeps it used by the others', () => {
    const use = new PlaceholderUse();
    const pages = [{ placeholders: ['page.metadata.x'] }, { placeholders: ['page.metadata.x'] }];
    use.update(pages);
    expect(sorted(use.update([{ placeholders: [] }, pages[1]!]))).toEqual(['page.metadata.x']);
    expect(sorted(use.update([{ placeholders: [] }, { placeholders: [] }]))).toEqual([]);
  });
});
