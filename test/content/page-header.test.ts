import { describe, expect, it } from 'vitest';
import { readPageHeader } from '../../src/content/page-header.ts';

const page = { file: 'content/api/users.md', contentPath: 'api/users.md', url: '/api/users/', outputPath: 'api/users/index.html' };

describe('readPageHeader', () => {
  it('takes the frontmatter title, order and layout, and the partials the body includes', () => {
    expect(readPageHeader(page, '---\ntitle: Users API\norder: 2\nlayout: wide\n---\n# Users\n{% include "partials/note" %}\n')).toEqual({
      contentPath: 'api/users.md', url: '/api/users/', title: 'Users API', order: 2, layout: 'wide', includes: ['partials/note.liquid'],
    });
  });
  it('falls back to the first # heading, then the path', () => {
    expect(readPageHeader(page, 'Intro\n\n# Users #\n').title).toBe('Users');
    expect(readPageHeader(page, 'No heading').title).toBe('api/users');
  });
  it('falls back to the path when the frontmatter is broken (rendering reports it)', () => {
    expect(readPageHeader(page, '---\norder: [\n---\n# Users\n').title).toBe('api/users');
  });
  it('sees no includes on a page with templating off', () => {
    expect(readPageHeader(page, '---\ntemplating: false\n---\n{% include "x" %}').includes).toEqual([]);
  });
});
