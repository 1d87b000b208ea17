import { describe, expect, it } from 'vitest';
import { COMMANDS, EXIT_CODES, OPTIONS, optionUsage, parseCommandLine, usage, type OptionName } from '../src/cli-options.ts';

describe('the command line, made from its tables', () => {
  it('lists every command, option and exit code in the usage, within 80 columns', () => {
    const text = usage();
    for (const command of COMMANDS) expect(text).toMatch(new RegExp(`^  ${command.name}\\b`, 'm'));
    for (const name of Object.keys(OPTIONS) as OptionName[]) expect(text).toContain(`  ${optionUsage(name)}`);
    for (const exit of EXIT_CODES) expect(text).toMatch(new RegExp(`^  ${exit.code}  `, 'm'));
    expect(text).toContain('--no-cache         build, check: render every page, ignoring the cache\n');
    expect(text).toContain('--port N           dev: the first port to try (default: 4321)\n');
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('fills in the defaults of the table', () => {
    const line = parseCommandLine(['build']);
    expect(line).toMatchObject({ kind: 'run', command: 'build', rule: undefined, port: 4321 });
    expect(line.kind === 'run' && { ...line.values }).toEqual({ format: 'text', port: '4321', host: '127.0.0.1', cache: true, search: true });
  });

  it('reads values, negated booleans and the rule of explain', () => {
    const line = parseCommandLine(['check', '--root', 'docs', '--no-cache', '--format', 'json', '--variant', 'cloud']);
    expect(line.kind === 'run' && { ...line.values }).toMatchObject({ root: 'docs', cache: false, format: 'json', variant: 'cloud' });
    expect(parseCommandLine(['explain', 'links/missing-page'])).toMatchObject({ kind: 'run', command: 'explain', rule: 'links/missing-page' });
    expect(parseCommandLine(['explain'])).toMatchObject({ kind: 'run', command: 'explain', rule: undefined });
    expect(parseCommandLine(['dev', '-h'])).toEqual({ kind: 'help' });
  });

  it('refuses what the tables do not allow, with the usage', () => {
    for (const argv of [[], ['publish'], ['build', 'extra'], ['explain', 'a', 'b'], ['build', '--format', 'xml'], ['dev', '--port', '70000'], ['build', '--bogus'], ['build', '--root']]) {
      const line = parseCommandLine(argv);
      expect(line.kind, argv.join(' ')).toBe('wrong');
      expect(line.kind === 'wrong' && line.message.endsWith(usage())).toBe(true);
    }
    expect(parseCommandLine(['build', '--bogus'])).toMatchObject({ message: expect.stringMatching(/^Unknown option '--bogus'/) });
  });
});
