import { parseArgs } from 'node:util';

/**
 * The command line as data: commands, options and exit codes. The usage text, the parser's
 * options and the command-line reference page (docs/generate/command-line.ts) are all made
 * from these tables, so none of them can leave an option out.
 */

/** A command of `docsmith COMMAND`. */
export interface CommandSpec {
  name: string;
  /** What follows the command, as usage writes it (`[RULE]`). */
  argument?: string;
  /** What the command does, in one line. */
  summary: string;
}

/** The commands, in the order usage lists them. */
export const COMMANDS = [
  { name: 'build', summary: 'render the site into ROOT/dist (or --out)' },
  { name: 'check', summary: 'render and check everything; write nothing' },
  { name: 'dev', summary: 'serve the site on 127.0.0.1, rebuild on every change, reload the browser' },
  { name: 'explain', argument: '[RULE]', summary: 'say what a [rule] in a report finds and how to fix it; without RULE, list every rule' },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMANDS)[number]['name'];

/** An option, `--name`; a boolean that is on by default is written `--no-name`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What its value is called in usage (`--root DIR`); none for a boolean. */
  argument?: string;
  /** The value when the option is not given, as the parser fills it in. */
  default?: string | boolean;
  /** The default in words, where it is not a plain value (`the current folder`). */
  defaultText?: string;
  /** The only values it takes, when there are a few. */
  choices?: readonly string[];
  /** A one-letter alias (`-h`). */
  short?: string;
  /** The commands that read it; the others ignore it. */
  commands: readonly CommandName[];
  /** What it does; for a boolean on by default, what `--no-name` does. */
  description: string;
}

const SITE_COMMANDS = ['build', 'check', 'dev'] as const satisfies readonly CommandName[];

/** The options, in the order usage lists them. */
export const OPTIONS = {
  root: { type: 'string', argument: 'DIR', defaultText: 'the current folder', commands: SITE_COMMANDS, description: 'the site folder' },
  out: { type: 'string', argument: 'DIR', defaultText: 'ROOT/dist', commands: ['build'], description: 'the output folder' },
  format: { type: 'string', argument: 'FORMAT', default: 'text', choices: ['text', 'json'], commands: ['build', 'check'], description: 'how problems are reported: "text" for people, "json" for editors and CI' },
  port: { type: 'string', argument: 'N', default: '4321', commands: ['dev'], description: 'the first port to try' },
  host: { type: 'string', argument: 'HOST', default: '127.0.0.1', commands: ['dev'], description: 'the address to listen on' },
  cache: { type: 'boolean', default: true, commands: ['build', 'check'], description: 'render every page, ignoring the cache' },
  search: { type: 'boolean', default: true, commands: ['build'], description: 'skip the search index (for benchmarks and previews)' },
  'max-warnings': { type: 'string', argument: 'N', commands: ['check'], description: 'exit 1 when there are more than N warnings too (0 in CI: every warning fails the check)' },
  variant: { type: 'string', argument: 'NAME', commands: SITE_COMMANDS, description: 'only this variant of a site with variants (built at its own URLs, alone in the output folder)' },
  version: { type: 'boolean', short: 'v', commands: ['build', 'check', 'dev', 'explain'], description: 'print docsmith\'s version' },
  help: { type: 'boolean', short: 'h', commands: ['build', 'check', 'dev', 'explain'], description: 'print the usage: commands, options and exit codes' },
} as const satisfies Readonly<Record<string, OptionSpec>>;

export type OptionName = keyof typeof OPTIONS;

/** What each exit code means. */
export const EXIT_CODES = [
  { code: 0, meaning: 'done, with no errors (warnings do not count); dev: stopped with Ctrl-C' },
  { code: 1, meaning: 'the site has errors: every one is reported, and build writes nothing (the last good output stays); check: also more warnings than --max-warnings allows' },
  { code: 2, meaning: 'the command line is wrong (an unknown command, option, option value or rule), or build refused an output folder it must not replace' },
] as const;

/** How an option is written on the command line: `--root DIR`, `--no-cache`, `--help`. */
export function optionUsage(name: OptionName): string {
  const option: OptionSpec = OPTIONS[name];
  if (option.type === 'boolean') return option.default === true ? `--no-${name}` : `--${name}`;
  return `--${name} ${option.argument}`;
}

/** An option's default as usage and the docs say it, or undefined when it has none worth saying. */
export function optionDefault(name: OptionName): string | undefined {
  const option: OptionSpec = OPTIONS[name];
  if (option.defaultText !== undefined) return option.defaultText;
  return typeof option.default === 'string' ? option.default : undefined;
}

const WIDTH = 80;

/** `docsmith --help`: made from the tables above. */
export function usage(): string {
  const commandColumn = Math.max(...COMMANDS.map((c) => commandUsage(c).length)) + 3;
  const options = Object.keys(OPTIONS) as OptionName[];
  const optionColumn = Math.max(...options.map((name) => optionUsage(name).length + (name === 'help' ? 4 : 0))) + 3;
  const lines = [`Usage: docsmith <${COMMANDS.map((c) => c.name).join('|')}> [options]`, ''];
  for (const command of COMMANDS) lines.push(...hanging(`  ${commandUsage(command).padEnd(commandColumn)}`, command.summary));
  lines.push('', 'Options:');
  for (const name of options) {
    const option: OptionSpec = OPTIONS[name];
    const written = option.short ? `${optionUsage(name)}, -${option.short}` : optionUsage(name);
    const every = option.commands.length === COMMANDS.length;
    const fallback = optionDefault(name);
    const text = `${every ? '' : `${option.commands.join(', ')}: `}${option.description}${fallback === undefined ? '' : ` (default: ${fallback})`}`;
    lines.push(...hanging(`  ${written.padEnd(optionColumn)}`, text));
  }
  lines.push('', 'Exit codes:');
  for (const exit of EXIT_CODES) lines.push(...hanging(`  ${exit.code}  `, exit.meaning));
  return lines.join('\n');
}

function commandUsage(command: CommandSpec): string {
  return command.argument ? `${command.name} ${command.argument}` : command.name;
}

/** `lead` then `text`, wrapped at WIDTH with the wrapped lines starting under the text. */
function hanging(lead: string, text: string): string[] {
  const lines: string[] = [];
  let line = lead;
  for (const word of text.split(' ')) {
    if (line.length > lead.length && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(lead.length) + word;
    } else {
      line += line.length > lead.length ? ` ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/** The parser's options, from the table: only what `parseArgs` reads of each. */
function parserOptions() {
  const options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean; short?: string }> = {};
  for (const [name, option] of Object.entries(OPTIONS) as Array<[OptionName, OptionSpec]>) {
    options[name] = { type: option.type, ...(option.default === undefined ? {} : { default: option.default }), ...(option.short ? { short: option.short } : {}) };
  }
  return options as { [K in OptionName]: Pick<(typeof OPTIONS)[K], Extract<keyof (typeof OPTIONS)[K], 'type' | 'default' | 'short'>> };
}

export type OptionValues = ReturnType<typeof parseArgs<{ options: ReturnType<typeof parserOptions>; allowPositionals: true; allowNegative: true }>>['values'];

/** A command line read: what to run, or why it cannot be (exit 2), or a request for help. */
export type CommandLine =
  | { kind: 'run'; command: CommandName; rule: string | undefined; values: OptionValues; port: number; maxWarnings: number | undefined }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'wrong'; message: string };

/**
 * Reads argv against the tables. A wrong command line gets a message that ends with the
 * usage: the parser's own for an unknown option, else the command line itself.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, allowNegative: true, options: parserOptions() });
  } catch (error) {
    return { kind: 'wrong', message: `${(error as Error).message}\n\n${usage()}` };
  }
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...extra] = parsed.positionals;
  const known = COMMANDS.find((c) => c.name === command);
  const port = Number(values.port);
  const arguments_ = known && 'argument' in known ? 1 : 0;
  const formats: readonly string[] = OPTIONS.format.choices;
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  const badMax = maxWarnings !== undefined && (!/^\d+$/.test(values['max-warnings']!) || !Number.isSafeInteger(maxWarnings));
  if (!known || extra.length > arguments_ || !formats.includes(values.format) || !Number.isInteger(port) || port < 0 || port > 65535 || badMax) {
    return { kind: 'wrong', message: command ? `Unknown command or option value: ${argv.join(' ')}\n\n${usage()}` : usage() };
  }
  return { kind: 'run', command: known.name, rule: extra[0], values, port, maxWarnings };
}
