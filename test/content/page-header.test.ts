import { describe, expect, it } from 'vitest';
import { readPageHeader } from '../../src/content/page-header.ts';

const page = { file: 'content/api/users.md', contentPath: 'api/users.md', url: '/api/users/', outputPath: 'api/users/index.html' };

describe('readPageHeader', () => {
  it('takes the layout and the partials the body includes (the title comes from the rendered page)', () => {
    expect(readPageHeader(page, '---\ntitle: Users API\norder: 2\nlayout: wide\n---\n# Users\n{% include "partials/note" %}\n')).toEqual({
      contentPath: 'api/users.md', url: '/api/users/', layout: 'wide', includes: ['partials/note.liquid'],
    });
  });
  it('falls back to the default layout when the frontmatter is broken (rendering reports it)', () => {
    expect(readPageHeader(page, '---\nlayout: [\n---\n# Users\n').layout).toBe('layout');
  });
  it('sees no includes on a page with templating off', () => {
    expect(readPageHeader(page, '---\ntemplating: false\n---\n{% include "x" %}').includes).toEqual([]);
  });
});
