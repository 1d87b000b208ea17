import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLinePage } from '../../../docs/generate/command-line.ts';
import { REGENERATE } from '../../../docs/generate/pages.ts';
import { COMMANDS, EXIT_CODES, OPTIONS, optionUsage, parseCommandLine, usage, type OptionName } from '../../../src/cli-options.ts';

const repoRoot = path.resolve('.');
const PAGE = 'docs/content/reference/command-line.md';
const committed = readFileSync(path.join(repoRoot, PAGE), 'utf8');

describe('the command-line page', () => {
  it('is what docs/generate/command-line.ts makes now', () => {
    expect(committed, `${PAGE} is out of date: run ${REGENERATE} and commit the result`).toBe(commandLinePage(repoRoot));
  });

  it('names every command, option and exit code, and shows the usage as printed', () => {
    for (const command of COMMANDS) expect(committed).toMatch(new RegExp(`^\\| \`${command.name}\\b`, 'm'));
    for (const name of Object.keys(OPTIONS) as OptionName[]) expect(committed).toContain(`### \`${optionUsage(name)}\``);
    for (const exit of EXIT_CODES) expect(committed).toContain(`| ${exit.code} | ${exit.meaning} |`);
    expect(committed).toContain(`\`\`\`text\n${usage()}\n\`\`\``);
  });

  it('gives examples the parser accepts', () => {
    const examples = [...committed.matchAll(/^npx docsmith(.*)$/gm)].map((match) => match[1]!.trim().split(' ').filter(Boolean));
    expect(examples.length).toBeGreaterThan(3);
    for (const argv of examples) expect(parseCommandLine(argv).kind, argv.join(' ')).toBe('run');
  });
});
