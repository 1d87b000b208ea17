import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsPage, FROM_FIXTURE, HAND_WRITTEN } from '../../../docs/generate/diagnostics.ts';
import { firstBlockByRule, fixtureBlocks } from '../../../docs/generate/fixture-reports.ts';
import { REGENERATE } from '../../../docs/generate/pages.ts';
import { RULE_IDS, RULES } from '../../../src/diagnostics/rules.ts';

const repoRoot = path.resolve('.');
const PAGE = 'docs/content/reference/diagnostics.md';
const committed = readFileSync(path.join(repoRoot, PAGE), 'utf8');

/** The page's examples: what precedes each fenced block, and the block. */
function examplesOf(page: string): Array<{ intro: string; text: string; section: string }> {
  const found: Array<{ intro: string; text: string; section: string }> = [];
  let section = '';
  const pattern = /^## (.*?)(?: \{#[^}]+\})?$|^(Example, .*:)\n\n(`{3,})text\n([\s\S]*?)\n\3$/gm;
  for (const match of page.matchAll(pattern)) {
    if (match[1] !== undefined) section = match[1];
    else found.push({ intro: match[2]!, text: match[4]!, section });
  }
  return found;
}

describe('the diagnostics page', () => {
  it('is what docs/generate/diagnostics.ts makes now', () => {
    expect(committed, `${PAGE} is out of date: run ${REGENERATE} and commit the result`).toBe(diagnosticsPage(repoRoot));
  });

  it('has a section for every rule of the registry, and for no other', () => {
    const headings = [...committed.matchAll(/^## `([^`]+)`(?: \{#[^}]+\})?$/gm)].map((match) => match[1]);
    expect(headings).toEqual([...RULE_IDS]);
  });

  it('copies every fixture example from a current report, whole, under the rule it shows', () => {
    const examples = examplesOf(committed).filter((example) => example.intro.startsWith('Example, copied from'));
    expect(examples.length).toBeGreaterThan(RULE_IDS.length / 2);
    for (const example of examples) {
      const source = /`([^`]+)`/.exec(example.intro)![1]!;
      expect(example.intro).toBe(FROM_FIXTURE(source));
      const report = readFileSync(path.join(repoRoot, source), 'utf8');
      expect(`\n${report}`, `${example.section}: the example is no longer in ${source}; run ${REGENERATE}`).toContain(`\n${example.text}\n`);
      const rule = /^`(.+)`$/.exec(example.section)?.[1];
      if (rule) expect(example.text.split('\n')[0]).toMatch(new RegExp(`\\[${rule}\\]$`));
    }
  });

  it('shows a hand-written example only for a rule no fixture shows, and says so', () => {
    const shown = firstBlockByRule(fixtureBlocks(repoRoot));
    for (const id of RULE_IDS) {
      const example = (RULES[id] as { example?: string }).example;
      expect(example === undefined || !shown.has(id), `${id} is shown by ${shown.get(id)?.source}: remove its hand-written example`).toBe(true);
      expect(example !== undefined || shown.has(id), `no report shows ${id}: add an invalid site or a hand-written example`).toBe(true);
    }
    const handWritten = examplesOf(committed).filter((example) => example.intro === HAND_WRITTEN);
    expect(handWritten.map((example) => example.section)).toEqual(RULE_IDS.filter((id) => !shown.has(id)).map((id) => `\`${id}\``));
  });
});
