import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slug } from 'github-slugger';
import { COMMANDS, EXIT_CODES, OPTIONS, optionDefault, optionUsage, parseCommandLine, usage, type CommandName, type OptionName, type OptionSpec } from '../../src/cli-options.ts';
import { codeBlock, frontmatter, inlineCode, table } from './markdown.ts';

/** Command lines the page shows, each with what it does; every one is read by the real parser before it is printed. */
const EXAMPLES: ReadonlyArray<{ argv: readonly string[]; does: string }> = [
  { argv: ['build'], does: 'build the site in the current folder into dist/' },
  { argv: ['build', '--root', 'docs', '--out', 'public'], does: 'build the site in docs/ into public/' },
  { argv: ['check'], does: 'check every page and link, and write nothing (for CI)' },
  { argv: ['check', '--format', 'json'], does: 'the same, with the problems as JSON on standard output' },
  { argv: ['check', '--variant', 'cloud'], does: 'check one variant of a site with variants' },
  { argv: ['dev', '--port', '8080'], does: 'preview the site at http://127.0.0.1:8080, rebuilt on every save' },
  { argv: ['explain', 'links/missing-anchor'], does: 'what a [links/missing-anchor] problem means and how to fix it' },
  { argv: ['explain'], does: 'every rule, one line each' },
];

/**
 * The command-line reference page (docs/content/reference/command-line.md): every
 * command, option and exit code, from the tables in src/cli-options.ts that the usage
 * text and the parser are made from, and examples that the parser accepts.
 */
export function commandLinePage(repoRoot: string): string {
  const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  const examples = EXAMPLES.map(({ argv, does }) => {
    const line = parseCommandLine(argv);
    if (line.kind !== 'run') throw new Error(`the example "docsmith ${argv.join(' ')}" in docs/generate/command-line.ts is not a valid command line`);
    return `# ${does}\nnpx docsmith ${argv.join(' ')}`;
  });
  const optionNames = Object.keys(OPTIONS) as OptionName[];
  const sections = [
    frontmatter({
      title: 'Command line',
      description: 'Every docsmith command, option and exit code, with examples.',
      generator: 'docs/generate/command-line.ts',
      madeFrom: 'the tables in src/cli-options.ts',
    }),
    '# Command line',
    `Run docsmith as \`npx docsmith COMMAND [options]\` in a project that has it installed${packageJson.engines?.node ? ` (it needs Node.js ${packageJson.engines.node})` : ''}. Options can come before or after the command.`,
    '## Commands',
    table(
      ['command', 'what it does', 'options'],
      COMMANDS.map((command) => [inlineCode(commandLine(command)), command.summary, optionsOf(command.name).map((name) => `[${inlineCode(optionUsage(name))}](#${slug(optionUsage(name))})`).join(', ')]),
    ),
    '## Options',
    'A boolean option that is on unless turned off is written `--no-NAME`.',
    ...optionNames.map((name) => optionSection(name)),
    '## Exit codes',
    table(['code', 'meaning'], EXIT_CODES.map((exit) => [String(exit.code), exit.meaning])),
    '## Examples',
    codeBlock('sh', examples.join('\n\n')),
    '## `docsmith --help`',
    'What `docsmith --help` prints, made from the same tables as this page:',
    codeBlock('text', usage()),
  ];
  return `${sections.join('\n\n')}\n`;
}

function commandLine(command: (typeof COMMANDS)[number]): string {
  return 'argument' in command ? `${command.name} ${command.argument}` : command.name;
}

function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((name) => (OPTIONS[name].commands as readonly string[]).includes(command));
}

function optionSection(name: OptionName): string {
  const option: OptionSpec = OPTIONS[name];
  const facts = [
    `- **Commands:** ${option.commands.map((command) => inlineCode(command)).join(', ')}`,
    ...(optionDefault(name) === undefined ? [] : [`- **Default:** ${option.defaultText ?? inlineCode(String(option.default))}`]),
    ...(option.choices ? [`- **Values:** ${option.choices.map((choice) => inlineCode(choice)).join(', ')}`] : []),
    ...(option.short ? [`- **Short form:** ${inlineCode(`-${option.short}`)}`] : []),
  ];
  const description = option.description.charAt(0).toUpperCase() + option.description.slice(1);
  return [`### ${inlineCode(optionUsage(name))}`, `${description}.`, facts.join('\n')].join('\n\n');
}
