import type { OutputContents } from '../output/writer.ts';
import { SEARCH_DIR } from '../search/pagefind.ts';

/** What one layout pass makes anew and what it carries over from the current output. */
export interface OutputPlan {
  /** Each page's key: its content key, its layout's templates and the sidebar. */
  pageKeys: readonly string[];
  /** By page: the output holds it as it would be made, so it is carried over, not laid out (unless its content failed this time). */
  carry: readonly boolean[];
  search: SearchPlan;
}

/** The search index is one piece made from every page: carried whole, made anew, or not made. */
export type SearchPlan = { kind: 'off' } | { kind: 'carry'; files: readonly string[]; fingerprint: string } | { kind: 'index'; fingerprint: string };

export interface PlanInput {
  pageKeys: readonly string[];
  outputPaths: readonly string[];
  current: OutputContents;
  /** The search index's fingerprint (made from every page key), or `undefined` for no index. */
  searchKey: string | undefined;
  /** Where the index is in the output: `pagefind`, or under a variant's path. @default "pagefind" */
  searchDir?: string;
  /** `false` when this run's output already holds pages of an earlier pass: they must all be made again. */
  mayCarry: boolean;
}

/**
 * The plan phase: decided from keys alone. A page is carried over when the current output
 * holds it under the same key; none is when a new search index is made, because the
 * index reads every page's HTML.
 */
export function planOutput(input: PlanInput): OutputPlan {
  const { pageKeys, outputPaths, current, searchKey } = input;
  const held = searchKey === undefined ? undefined : current.folder(input.searchDir ?? SEARCH_DIR, searchKey);
  const search: SearchPlan = searchKey === undefined ? { kind: 'off' } : held ? { kind: 'carry', files: held, fingerprint: searchKey } : { kind: 'index', fingerprint: searchKey };
  const mayCarry = input.mayCarry && search.kind !== 'index';
  return { pageKeys, carry: pageKeys.map((key, i) => mayCarry && current.holds(outputPaths[i]!, key)), search };
}
