/**
 * How to build with and without the search index. The index (src/search) is being
 * added while this bench is written, so the switch is found rather than assumed:
 * `--no-search` or `--search` in the CLI's help text, or given explicitly with
 * `npm run bench -- --search-off "--no-search" --search-on ""`.
 */
export interface SearchSwitch {
  /**
   * switchable: both variants are timed; always-on: every build indexes and nothing
   * turns it off; absent: no build writes an index; unknown: no build has run yet.
   */
  state: 'switchable' | 'always-on' | 'absent' | 'unknown';
  /** Extra CLI arguments for a build with the index. */
  on: string[];
  /** Extra CLI arguments for a build without it. */
  off: string[];
  reason: string;
}

/** What the help text and the command line say; without a switch, the first build decides. */
export function detectSearch(input: { helpText: string; override: { on?: string[]; off?: string[] } }): SearchSwitch {
  const { override } = input;
  if (override.on !== undefined || override.off !== undefined) {
    return { state: 'switchable', on: override.on ?? [], off: override.off ?? [], reason: 'switch given on the command line' };
  }
  if (/--no-search\b/.test(input.helpText)) return { state: 'switchable', on: [], off: ['--no-search'], reason: 'the CLI has --no-search' };
  if (/--search\b/.test(input.helpText)) return { state: 'switchable', on: ['--search'], off: [], reason: 'the CLI has --search' };
  return { state: 'unknown', on: [], off: [], reason: 'no build has run yet' };
}

/** After a default build: did it write an index (Pagefind's `pagefind/` folder)? */
export function resolveSearchState(current: SearchSwitch, builtIndex: boolean): SearchSwitch {
  if (current.state !== 'unknown') return current;
  return builtIndex
    ? { state: 'always-on', on: [], off: [], reason: 'every build writes dist/pagefind/ and the CLI has no switch to turn it off' }
    : { state: 'absent', on: [], off: [], reason: 'the build writes no search index' };
}
