import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isRuleId, type RuleId } from '../../src/diagnostics/rules.ts';

/** Where the invalid-site fixtures live, each with the exact report it gives in `expected.txt`. */
export const INVALID_SITES = 'test/invalid';

/** One problem as a report prints it: the head line, then its source line and caret, then its include chain. */
export interface ReportBlock {
  rule: RuleId;
  /** The fixture's report, relative to the repository (`test/invalid/broken-links/expected.txt`). */
  source: string;
  /** The block's lines, verbatim (no colour). */
  text: string;
  head: { file: string; line: number; column: number; severity: 'error' | 'warning'; message: string };
}

/** `path:line:col: severity: message [rule]`, as formatDiagnostics writes a problem's first line. */
const HEAD = /^(?<file>\S+?):(?<line>\d+):(?<column>\d+): (?<severity>error|warning): (?<message>.*) \[(?<rule>[a-z]+\/[a-z0-9-]+)\]$/;
/** What formatDiagnostics writes under a problem: every such line is indented. */
const UNDER = /^ {2}/;
/** A folded line: `content/index.md: … and 25 more of this problem (…) at lines …`. */
export const FOLDED = /^\S+: … and [\d,]+ more of this problem \(.*\) at lines? .*$/;

const stripColour = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Every problem block of every invalid-site fixture, fixtures in name order, blocks in report order. */
export function fixtureBlocks(repoRoot: string): ReportBlock[] {
  const dir = path.join(repoRoot, INVALID_SITES);
  const blocks: ReportBlock[] = [];
  for (const site of readdirSync(dir).sort()) {
    const file = path.join(dir, site, 'expected.txt');
    if (!existsSync(file)) continue;
    const source = `${INVALID_SITES}/${site}/expected.txt`;
    const lines = stripColour(readFileSync(file, 'utf8')).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const head = HEAD.exec(lines[i]!)?.groups;
      if (!head || !isRuleId(head.rule!)) continue;
      let end = i + 1;
      while (end < lines.length && UNDER.test(lines[end]!)) end++;
      blocks.push({
        rule: head.rule,
        source,
        text: lines.slice(i, end).join('\n'),
        head: { file: head.file!, line: Number(head.line), column: Number(head.column), severity: head.severity as 'error' | 'warning', message: head.message! },
      });
    }
  }
  return blocks;
}

/** For each rule some fixture shows: the first block with it (fixtures in name order). */
export function firstBlockByRule(blocks: readonly ReportBlock[]): Map<RuleId, ReportBlock> {
  const first = new Map<RuleId, ReportBlock>();
  for (const block of blocks) if (!first.has(block.rule)) first.set(block.rule, block);
  return first;
}

/** The first folded line of any fixture, with the three copies printed before it. */
export function foldedExample(repoRoot: string): { source: string; text: string } {
  const dir = path.join(repoRoot, INVALID_SITES);
  for (const site of readdirSync(dir).sort()) {
    const file = path.join(dir, site, 'expected.txt');
    if (!existsSync(file)) continue;
    const lines = stripColour(readFileSync(file, 'utf8')).split('\n');
    const at = lines.findIndex((line) => FOLDED.test(line));
    if (at === -1) continue;
    // Back to the first of the copies printed in full: the head lines before it with the same message.
    const message = HEAD.exec(lines.slice(0, at).reverse().find((line) => HEAD.test(line))!)!.groups!.message;
    let start = at;
    for (let i = at - 1; i >= 0; i--) {
      const head = HEAD.exec(lines[i]!);
      if (head) {
        if (head.groups!.message !== message) break;
        start = i;
      } else if (!UNDER.test(lines[i]!)) break;
    }
    return { source: `${INVALID_SITES}/${site}/expected.txt`, text: lines.slice(start, at + 1).join('\n') };
  }
  throw new Error(`no report in ${INVALID_SITES}/*/expected.txt folds a repeated problem`);
}
