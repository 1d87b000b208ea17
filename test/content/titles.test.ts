import { describe, expect, it } from 'vitest';
import { isIndexName, titleFromName, titleFromPath } from '../../src/content/titles.ts';

describe('titleFromName', () => {
  it('capitalises, and reads short names as acronyms', () => {
    expect(titleFromName('getting-started')).toBe('Getting started');
    expect(titleFromName('api')).toBe('API');
    expect(titleFromName('sdk')).toBe('SDK');
  });
});

describe('titleFromPath', () => {
  it('names a page after its file, and an index page after its folder', () => {
    expect(titleFromPath('guide/getting-started.md')).toBe('Getting started');
    expect(titleFromPath('guide/index.md')).toBe('Guide');
    expect(titleFromPath('tools/command-line/README.md')).toBe('Command line');
    expect(titleFromPath('index.md')).toBeUndefined();
    expect(titleFromPath('README.md')).toBeUndefined();
  });
});

describe('isIndexName', () => {
  it('takes index and any spelling of README', () => {
    expect(['index', 'README', 'readme', 'Readme'].every(isIndexName)).toBe(true);
    expect(['Index', 'readme-old', 'home'].some(isIndexName)).toBe(false);
  });
});
