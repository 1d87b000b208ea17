import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { START_OPTIONS } from '../../bin/relaunch.mjs';
import { eventually } from '../helpers.ts';

const COMMAND = path.resolve('test/bin/fixtures/relaunched.mjs');

interface Report {
  pid: number;
  execArgv: string[];
  args: string[];
}

function run(nodeOptions: string[], args: string[]): Promise<{ code: number | null; pid: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [...nodeOptions, COMMAND, ...args], (error, stdout) => resolve({ code: error ? (error.code as number) : 0, pid: child.pid!, stdout }));
  });
}

/** Starts the command waiting for SIGINT; resolves once the relaunched process has reported. */
async function waiting(): Promise<{ launcher: ChildProcess; report: Report; output: () => string; ended: Promise<[number | null, string | null]> }> {
  // In a process group of its own, like a command started in a terminal.
  const launcher = spawn(process.execPath, [COMMAND, 'wait'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let output = '';
  const ended = new Promise<[number | null, string | null]>((resolve) => launcher.once('exit', (code, signal) => resolve([code, signal])));
  const report = await new Promise<Report>((resolve) =>
    launcher.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('\n')) resolve(JSON.parse(output.split('\n')[0]!) as Report);
    }),
  );
  return { launcher, report, output: () => output, ended };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('bin/relaunch.mjs', () => {
  it('runs the command again in a Node started with the missing option, with the same arguments, and ends with its exit code', async () => {
    const { code, pid, stdout } = await run([], ['exit', '5']);
    const report = JSON.parse(stdout) as Report;
    expect(code).toBe(5);
    expect(report.execArgv).toEqual(['--single-threaded-gc']);
    expect(report.args).toEqual(['exit', '5']);
    expect(report.pid).not.toBe(pid);
  });

  it('runs the command in place when Node was started with the option', async () => {
    const { code, pid, stdout } = await run(['--single-threaded-gc'], ['exit', '0']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).pid).toBe(pid);
  });

  it('passes a signal on once, so the command stops as it chooses (Ctrl-C on the dev server)', async () => {
    const { launcher, output, ended } = await waiting();
    // As a terminal's Ctrl-C does: to the whole process group.
    process.kill(-launcher.pid!, 'SIGINT');
    expect(await ended).toEqual([7, null]);
    expect(output().match(/stopping/g)).toHaveLength(1);
  });

  it('stops the relaunched command when the launcher is killed', async () => {
    const { launcher, report, ended } = await waiting();
    expect(isRunning(report.pid)).toBe(true);
    launcher.kill('SIGKILL');
    await ended;
    await eventually(async () => expect(isRunning(report.pid)).toBe(false), 5000);
  });

  it('is given the same options by the npm scripts, which so spare the relaunch', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const command of ['build', 'check', 'dev']) expect(scripts[command]).toBe(['node', ...START_OPTIONS, 'bin/docsmith.mjs', command].join(' '));
  });
});
