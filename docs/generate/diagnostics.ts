import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { severityText } from '../../src/diagnostics/explain.ts';
import { EXPLAIN_HINT, formatDiagnosticsJson, SHOWN_PER_PROBLEM } from '../../src/diagnostics/report.ts';
import { RULE_IDS, ruleOf, type RuleId } from '../../src/diagnostics/rules.ts';
import { firstBlockByRule, fixtureBlocks, foldedExample, INVALID_SITES, type ReportBlock } from './fixture-reports.ts';
import { codeBlock, frontmatter, inlineCode, table } from './markdown.ts';

/** What the page says before a fixture's example, naming the report it was copied from. */
export const FROM_FIXTURE = (source: string) => `Example, copied from ${inlineCode(source)} (the report of one of docsmith's test sites):`;
/** What the page says before a hand-written example. */
export const HAND_WRITTEN = 'Example, written by hand (no test site shows this problem: it comes from a crash, a time limit or the dev server):';

/** The rule whose example shows the format at the top of the page. */
const FORMAT_EXAMPLE: RuleId = 'links/missing-anchor';

/**
 * The diagnostics reference page (docs/content/reference/diagnostics.md): how a report
 * reads, then every rule of the registry with its severity, what it finds, an example
 * report and how to fix it. Examples are copied from the invalid-site fixtures' pinned
 * reports, so they show exactly what docsmith prints today; a rule no fixture shows uses
 * the registry's hand-written example. Throws when a rule has neither.
 */
export function diagnosticsPage(repoRoot: string): string {
  const blocks = fixtureBlocks(repoRoot);
  const examples = firstBlockByRule(blocks);
  const formatExample = examples.get(FORMAT_EXAMPLE);
  const chainExample = blocks.find((block) => block.text.includes('\n  included from ') && block.text.includes('\n  also included from '));
  if (!formatExample || !chainExample) throw new Error(`${INVALID_SITES}/*/expected.txt no longer shows a ${FORMAT_EXAMPLE} problem or an include chain: pick other examples in docs/generate/diagnostics.ts`);
  const folded = foldedExample(repoRoot);

  const sections = [
    frontmatter({
      title: 'Diagnostics',
      description: 'Every problem docsmith reports: how to read a report, and for each rule what it finds, an example and how to fix it.',
      generator: 'docs/generate/diagnostics.ts',
      madeFrom: `src/diagnostics/rules.ts and ${INVALID_SITES}/*/expected.txt`,
    }),
    '# Diagnostics',
    '`docsmith build`, `check` and `dev` report every problem of a run at once, each where it is in your files. This page shows how to read a report, then explains every rule: what it finds, an example, and how to fix it.',
    '## Reading a report',
    'Each problem starts with one line in the format compilers use, which editors and CI systems recognise:',
    codeBlock('text', 'path:line:column: severity: message [rule]'),
    [
      '- **path** is the file, from the site folder: `content/guide/install.md`, `site.config.ts`, `templates/badge.liquid`.',
      '- **line** and **column** count from 1 in the file as you edit it, frontmatter included, so an editor can jump straight there.',
      '- **severity** is `error` or `warning` (see [errors and warnings](#errors-and-warnings)).',
      '- **message** says what is wrong and, where it can, what to write instead or the name you probably meant ("did you mean").',
      '- **rule**, in brackets, names the kind of problem. Every rule has a section below.',
    ].join('\n'),
    'Under it come the line of the file, with its number, and a caret (`^`) under the column:',
    fromFixture(formatExample),
    'A problem inside a template that pages include is reported in the template, followed by the `{% include %}` tags that led there, innermost first. A template that fails wherever it is used is reported once, naming the other places that include it:',
    fromFixture(chainExample),
    '## Repeated problems',
    `When one problem (the same rule and message) comes back many times in a file, say a migrated changelog that uses \`{{ site.repo }}\` on every line, the report prints it ${SHOWN_PER_PROBLEM} times, then one line with how many more there are and on which lines:`,
    `${FROM_FIXTURE(folded.source)}\n\n${codeBlock('text', folded.text)}`,
    'The summary counts every copy, and `--format json` lists every one.',
    '## Errors and warnings',
    "An **error** fails the run: `docsmith build` writes nothing (the last good output stays as it was) and exits with code 1. A **warning** is reported and the build goes on. Links and images that lead nowhere are errors unless site.config.ts says `brokenLinks: 'warning'`.",
    'After the problems comes a summary line (pages, time, errors and warnings) and, when there were problems, one more line:',
    codeBlock('text', EXPLAIN_HINT),
    '## JSON for editors and CI',
    '`--format json` prints the problems as JSON on standard output instead, none of them folded. The first problem above reads:',
    codeBlock('json', formatDiagnosticsJson([diagnosticOf(formatExample)])),
    'A problem inside an included template also has `includedFrom` and `alsoIncludedFrom` (lists of `{ file, line, column }`), and a problem on a site with variants has `variants`, the variants it was found in.',
    '## Explaining a rule',
    '`npx docsmith explain RULE` prints a rule\'s severity, what it finds and how to fix it: the sections below, in the terminal. A misspelt rule gets the one you probably meant, and `npx docsmith explain` alone lists every rule. See the [command line](./command-line.md).',
    '## Every rule',
    table(
      ['rule', 'severity', 'what it finds'],
      RULE_IDS.map((id) => [`[${inlineCode(id)}](#${ruleAnchor(id)})`, ruleOf(id).severity, ruleOf(id).finds]),
    ),
    ...RULE_IDS.map((id) => ruleSection(id, examples.get(id))),
  ];
  return `${sections.join('\n\n')}\n`;
}

function ruleSection(id: RuleId, fixture: ReportBlock | undefined): string {
  const rule = ruleOf(id);
  const example = fixture ? fromFixture(fixture) : rule.example ? `${HAND_WRITTEN}\n\n${codeBlock('text', rule.example)}` : undefined;
  if (example === undefined) throw new Error(`no report shows ${id}: add an invalid site to ${INVALID_SITES}/ that has it, or a hand-written example to its entry in src/diagnostics/rules.ts`);
  return [`## ${inlineCode(id)} {#${ruleAnchor(id)}}`, `**Severity:** ${severityText(id)}.`, `**What it finds:** ${rule.finds}`, example, `**How to fix it:** ${rule.fix}`].join('\n\n');
}

function fromFixture(block: ReportBlock): string {
  return `${FROM_FIXTURE(block.source)}\n\n${codeBlock('text', block.text)}`;
}

function diagnosticOf(block: ReportBlock): Diagnostic {
  return { ...block.head, rule: block.rule };
}

/** A rule's heading id: `links/missing-anchor` → `links-missing-anchor` (a slug would drop the slash and run the words together). */
export function ruleAnchor(id: RuleId): string {
  return id.replace('/', '-');
}
