import { describe, expect, it } from 'vitest';
import { checkUnusedMetadata } from '../../src/checks/metadata.ts';

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
