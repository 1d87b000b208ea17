import { describe, expect, it } from 'vitest';
import { explain } from '../../src/diagnostics/explain.ts';
import { RULE_IDS, RULES } from '../../src/diagnostics/rules.ts';

describe('docsmith explain', () => {
  it('explains a rule: its severity, what it finds and how to fix it, wrapped for a terminal', () => {
    const { known, text } = explain('links/missing-anchor');
    expect(known).toBe(true);
    expect(text).toMatch(/^links\/missing-anchor\n\nSeverity:\n {2}error, or a warning with `brokenLinks: 'warning'` in site\.config\.ts\n\nWhat it finds:\n {2}A link to a `#section`/);
    expect(text).toContain('\n\nHow to fix it:\n  A heading');
    expect(text.replace(/\n {2}/g, ' ')).toContain(RULES['links/missing-anchor'].fix);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('says when the severity depends on where the problem is', () => {
    expect(explain('variants/none').text).toContain('Severity:\n  warning, or an error for a sidebar entry');
    expect(explain('images/missing-alt').text).toContain('Severity:\n  warning\n\n');
  });

  it('takes the id as a report prints it, in brackets', () => {
    expect(explain('[liquid/syntax]')).toEqual(explain('liquid/syntax'));
  });

  it('answers a misspelt id with the rule it probably meant, and a name without its area too', () => {
    expect(explain('links/missing-anchr')).toEqual({ known: false, text: 'unknown rule "links/missing-anchr"; did you mean "links/missing-anchor"?\n`docsmith explain` with no rule lists them all.' });
    expect(explain('missing-alt').text).toContain('did you mean "images/missing-alt"?');
    expect(explain('nonsense/at-all')).toEqual({ known: false, text: 'unknown rule "nonsense/at-all"\n`docsmith explain` with no rule lists them all.' });
  });

  it('lists every rule, one line each, with its severity and what it finds', () => {
    const { known, text } = explain(undefined);
    expect(known).toBe(true);
    const rows = text.split('\n').slice(2);
    expect(rows).toHaveLength(RULE_IDS.length);
    RULE_IDS.forEach((id, i) => expect(rows[i]).toMatch(new RegExp(`^  ${id} +${RULES[id].severity} +${RULES[id].finds.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  });
});
