import { describe, expect, it } from 'vitest';
import { navPage } from '../../src/nav/site-nav.ts';

const page = { file: 'content/api/users.md', contentPath: 'api/users.md', url: '/api/users/', outputPath: 'api/users/index.html' };

describe('navPage', () => {
  it('takes the frontmatter title and order', () => {
    expect(navPage(page, '---\ntitle: Users API\norder: 2\n---\n# Users\n')).toEqual({ contentPath: 'api/users.md', url: '/api/users/', title: 'Users API', order: 2 });
  });
  it('falls back to the first # heading, then the path', () => {
    expect(navPage(page, 'Intro\n\n# Users #\n').title).toBe('Users');
    expect(navPage(page, 'No heading').title).toBe('api/users');
  });
  it('falls back to the path when the frontmatter is broken (rendering reports it)', () => {
    expect(navPage(page, '---\norder: [\n---\n# Users\n').title).toBe('api/users');
  });
});
