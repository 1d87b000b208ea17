import { describe, expect, it } from 'vitest';
import { frontmatterKeyLine, splitFrontmatter } from '../../src/content/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('splits YAML from the body and remembers where the body starts', () => {
    const source = '---\ntitle: Users\n---\n# Users\n';
    const result = splitFrontmatter(source);
    expect(result).toEqual({ ok: true, value: { data: { title: 'Users' }, body: '# Users\n', bodyOffset: 21, yaml: 'title: Users\n' } });
    expect(source.slice(21)).toBe('# Users\n');
  });

  it('treats a file without a fence as all body', () => {
    expect(splitFrontmatter('# Hi')).toEqual({ ok: true, value: { data: {}, body: '# Hi', bodyOffset: 0, yaml: '' } });
  });

  it('accepts empty frontmatter and frontmatter-only files', () => {
    expect(splitFrontmatter('---\n---\nbody')).toMatchObject({ ok: true, value: { data: {}, body: 'body' } });
    expect(splitFrontmatter('---\ntitle: a\n---')).toMatchObject({ ok: true, value: { data: { title: 'a' }, body: '' } });
  });

  it('points invalid YAML at the file line, counting the opening fence', () => {
    expect(splitFrontmatter('---\ntitle: a\n  bad: : x\n---\n')).toEqual({
      ok: false,
      diagnostic: { line: 3, column: 6, severity: 'error', message: 'invalid YAML frontmatter: bad indentation of a mapping entry', rule: 'frontmatter/invalid-yaml' },
    });
  });

  it('refuses JavaScript frontmatter without running it', () => {
    (globalThis as Record<string, unknown>).frontmatterRan = false;
    const result = splitFrontmatter('---js\n{ title: (globalThis.frontmatterRan = true) }\n---\n');
    expect(result).toMatchObject({ ok: false, diagnostic: { line: 1, rule: 'frontmatter/not-yaml' } });
    expect((globalThis as Record<string, unknown>).frontmatterRan).toBe(false);
  });

  it('reports an unclosed fence and a non-mapping', () => {
    expect(splitFrontmatter('---\ntitle: a\n# body')).toMatchObject({ ok: false, diagnostic: { line: 1, rule: 'frontmatter/unclosed' } });
    expect(splitFrontmatter('---\n- a\n---\n')).toMatchObject({ ok: false, diagnostic: { line: 2, rule: 'frontmatter/not-a-mapping' } });
  });

  it('does not replay a cached result: the same bad text fails every time', () => {
    const bad = '---\ntitle: [a\n---\n';
    expect(splitFrontmatter(bad).ok).toBe(false);
    expect(splitFrontmatter(bad).ok).toBe(false);
  });

  it('gives files with the same text separate data objects', () => {
    const a = splitFrontmatter('---\ntags: [x]\n---\n');
    const b = splitFrontmatter('---\ntags: [x]\n---\n');
    expect(a.ok && b.ok && a.value.data !== b.value.data).toBe(true);
  });
});

describe('frontmatterKeyLine', () => {
  it('finds the file line of a top-level key', () => {
    expect(frontmatterKeyLine('title: a\nlayout: wide\n', 'layout')).toBe(3);
    expect(frontmatterKeyLine('title: a\n', 'layout')).toBe(1);
  });
});
