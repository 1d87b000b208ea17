import { describe, expect, it } from 'vitest';
import { readPageHeader } from '../../src/content/page-header.ts';

const page = { file: 'content/api/users.md', contentPath: 'api/users.md', url: '/api/users/', outputPath: 'api/users/index.html' };

describe('readPageHeader', () => {
  it('takes the frontmatter title, order and layout, and the partials the body includes', () => {
    expect(readPageHeader(page, '---\ntitle: Users API\norder: 2\nlayout: wide\n---\n# Users\n{% include "partials/note" %}\n')).toEqual({
      contentPath: 'api/users.md', url: '/api/users/', titleGuess: 'Users API', order: 2, layout: 'wide', includes: ['partials/note.liquid'],
    });
  });

  it('guesses the title a heading renders to (the build checks the guess against the rendered title)', () => {
    const guess = (body: string) => readPageHeader(page, body).titleGuess;
    expect(guess('Intro\n\n# The `fetch()` **API** #\n')).toBe('The fetch() API');
    expect(guess('Install\n=======\n\nSteps.\n')).toBe('Install');
    expect(guess('```sh\n# not a heading\n```\n\n# After the code {#after}\n')).toBe('After the code');
    expect(guess('~~~\n```\n# still code\n~~~\n')).toBeUndefined();
    expect(guess('No heading')).toBeUndefined();
  });

  it('falls back to the default layout when the frontmatter is broken (rendering reports it)', () => {
    expect(readPageHeader(page, '---\nlayout: [\n---\n# Users\n').layout).toBe('layout');
  });

  it('sees no includes on a page with templating off', () => {
    expect(readPageHeader(page, '---\ntemplating: false\n---\n{% include "x" %}').includes).toEqual([]);
  });
});
