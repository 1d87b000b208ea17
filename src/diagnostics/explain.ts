import { closest } from './closest.ts';
import { isRuleId, RULE_IDS, ruleOf, type RuleId } from './rules.ts';

/** Paragraphs of `docsmith explain RULE` are wrapped to this width, as terminals are. */
const WIDTH = 80;

/**
 * `docsmith explain [RULE]`, as `rustc --explain` does for its error codes: a rule's
 * severity, what it finds and how to fix it; without a rule, every rule on one line each
 * (so `| grep link` finds them). `known` is false for an id that is no rule, whose text
 * then says which rule was probably meant.
 */
export function explain(wanted: string | undefined): { known: boolean; text: string } {
  if (wanted === undefined) return { known: true, text: listRules() };
  // Copied from a report, the id may keep its brackets: `[links/missing-page]`.
  const id = wanted.replace(/^\[(.*)\]$/, '$1');
  if (isRuleId(id)) return { known: true, text: explainRule(id) };
  const meant = closest(id, RULE_IDS) ?? RULE_IDS.find((rule) => !id.includes('/') && rule.endsWith(`/${id}`));
  const hint = meant ? `; did you mean "${meant}"?` : '';
  return { known: false, text: `unknown rule "${id}"${hint}\n\`docsmith explain\` with no rule lists them all.` };
}

/** One rule, explained. */
export function explainRule(id: RuleId): string {
  const rule = ruleOf(id);
  return [id, '', 'Severity:', ...wrap(severityText(id)), '', 'What it finds:', ...wrap(rule.finds), '', 'How to fix it:', ...wrap(rule.fix)].join('\n');
}

/** The rule's severity in words: the default, and what changes it. */
export function severityText(id: RuleId): string {
  const rule = ruleOf(id);
  if (rule.relaxedBy) return `${rule.severity}, or a warning with \`${rule.relaxedBy}\` in site.config.ts`;
  if (rule.severityNote) return `${rule.severity}, or ${rule.severityNote}`;
  return rule.severity;
}

/** Every rule with its severity and what it finds, one line each. */
export function listRules(): string {
  const width = Math.max(...RULE_IDS.map((id) => id.length)) + 2;
  const rows = RULE_IDS.map((id) => `  ${id.padEnd(width)}${ruleOf(id).severity.padEnd(9)}${ruleOf(id).finds}`);
  return [`${RULE_IDS.length} rules; \`docsmith explain RULE\` says more about one.`, '', ...rows].join('\n');
}

/** A paragraph as lines of at most WIDTH characters (a longer word alone), indented by two. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(`  ${line}`);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(`  ${line}`);
  return lines;
}
