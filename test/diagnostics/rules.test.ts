import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fixtureBlocks } from '../../docs/generate/fixture-reports.ts';
import { isRuleId, RULE_IDS, RULES, ruleOf } from '../../src/diagnostics/rules.ts';

const SRC = path.resolve('src');
const REGISTRY = 'diagnostics/rules.ts';
/** A string shaped like a rule id: `area/name`. */
const ID_SHAPE = /^[a-z]+(?:-[a-z]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Strings of that shape that are not rules: media types (`text/html`, `image/png`). */
const MEDIA_TYPE = /^(?:application|audio|font|image|text|video)\//;

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs|js)$/.test(entry.name) ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/**
 * Every string literal of src/ (outside the registry) shaped like a rule id, and every
 * template literal that starts like one (`links/${kind}`): an id made at run time, which
 * neither the compiler nor this scan could check.
 */
function idsInSource(): { literals: Map<string, string[]>; built: string[] } {
  const literals = new Map<string, string[]>();
  const built: string[] = [];
  const areas = new Set(RULE_IDS.map((id) => id.split('/')[0]!));
  for (const file of sourceFiles()) {
    if (file === REGISTRY) continue;
    const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `src/${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node: ts.Node) => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && ID_SHAPE.test(node.text) && !MEDIA_TYPE.test(node.text)) {
        literals.set(node.text, [...(literals.get(node.text) ?? []), where(node)]);
      } else if (ts.isTemplateExpression(node) && /^[a-z]+(?:-[a-z]+)*\/[a-z0-9-]*$/.test(node.head.text) && areas.has(node.head.text.split('/')[0]!)) {
        built.push(`${where(node)}  ${node.getText(source)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, built };
}

describe('the rule registry', () => {
  const { literals, built } = idsInSource();

  it('has every rule id written in src/ (the compiler checks ids typed RuleId; this also catches plain strings)', () => {
    const unknown = [...literals].filter(([id]) => !isRuleId(id)).map(([id, at]) => `${id} (${at.join(', ')})`);
    expect(unknown, 'add these to RULES in src/diagnostics/rules.ts, or correct them').toEqual([]);
  });

  it('has no id that src/ builds from pieces', () => {
    expect(built, 'write rule ids out whole, so they are checked against the registry').toEqual([]);
  });

  it('has no entry that src/ never emits', () => {
    expect(RULE_IDS.filter((id) => !literals.has(id)), 'remove these from RULES, or emit them').toEqual([]);
  });

  it('is sorted by id, and every entry says what it finds and how to fix it', () => {
    expect(RULE_IDS).toEqual([...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const rule: { finds: string; fix: string; relaxedBy?: string } = RULES[id];
      expect(rule.finds, id).toMatch(/^[A-Z`].*\.$/s);
      expect(rule.fix, id).toMatch(/^[A-Z`].*\.$/s);
      if (rule.relaxedBy !== undefined) expect(RULES[id].severity, id).toBe('error');
    }
  });

  it('gives the severity the invalid sites are reported with, or says what changes it', () => {
    for (const block of fixtureBlocks(path.resolve('.'))) {
      const rule = ruleOf(block.rule);
      if (block.head.severity === rule.severity) continue;
      expect(rule.relaxedBy ?? rule.severityNote, `${block.source}: ${block.text.split('\n')[0]}`).toBeDefined();
    }
  });

  it('keeps HTML and Liquid in code spans, so the docs page shows them as written', () => {
    for (const id of RULE_IDS) {
      for (const text of [RULES[id].finds, RULES[id].fix]) {
        const prose = text.replace(/(`+)[^]*?\1/g, '');
        expect(prose, id).not.toMatch(/<[A-Za-z/!]|\{\{|\{%|`/);
      }
    }
  });

  it('gives a hand-written example in the report format, with its own rule at the end', () => {
    for (const id of RULE_IDS) {
      const example = (RULES[id] as { example?: string }).example;
      if (example === undefined) continue;
      expect(example, id).toMatch(new RegExp(`^\\S+:\\d+:\\d+: ${RULES[id].severity}: .+ \\[${id}\\]$`));
    }
  });
});
