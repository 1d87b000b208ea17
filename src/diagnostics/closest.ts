import leven from 'leven';

/**
 * The candidate nearest to `wanted` by edit distance, if one is near enough to be a slip of
 * the keyboard: within `within(wanted)` edits (by default a third of its length, at least 2).
 * What every "did you mean" of the reports is made with.
 */
export function closest(wanted: string, candidates: Iterable<string>, within: (wanted: string) => number = (name) => Math.max(2, Math.floor(name.length / 3))): string | undefined {
  let best: string | undefined;
  let bestDistance = within(wanted) + 1;
  for (const candidate of candidates) {
    const distance = leven(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
