/**
 * Runs one build in a fresh child process and measures its wall time and peak memory.
 *
 * Peak memory is the larger of two readings:
 * - GNU time's `%M`, the child's own peak RSS as the kernel counts it (exact, but for a
 *   process that starts helpers, such as Pagefind's binary, it is the *largest* process,
 *   not the sum of the processes alive at once);
 * - the sum of RSS over the child's whole process tree, sampled from /proc every 20 ms.
 * Either reading alone is used where the other is unavailable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measurement {
  milliseconds: number;
  /** Peak resident memory in bytes, 0 when it could not be read. */
  peakRss: number;
  /** User + system CPU time of the process and the children it waited for (GNU time), 0 when unknown. */
  cpuMs: number;
  exitCode: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  command: string;
  args: string[];
  cwd: string;
  /** Kill the build (and its helpers) after this long; the measurement then has `timedOut`. */
  timeoutMs?: number;
}

const GNU_TIME = '/usr/bin/time';
/** Max RSS in KB, user and system CPU seconds. */
const TIME_FORMAT = '%M %U %S';
const PAGE_SIZE = 4096;
const SAMPLE_INTERVAL_MS = 20;

let gnuTime: boolean | undefined;

/** Whether /usr/bin/time is GNU time (BusyBox and BSD time lack `-f`/`-o`). */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = false;
    if (existsSync(GNU_TIME)) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'docsmith-time-'));
      try {
        const result = spawnSync(GNU_TIME, ['-f', TIME_FORMAT, '-o', path.join(dir, 'out'), 'true'], { stdio: 'ignore' });
        gnuTime = result.status === 0 && parseTimeLine(readFileSync(path.join(dir, 'out'), 'utf8')) !== undefined;
      } catch {
        gnuTime = false;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return gnuTime;
}

/** The environment every build gets: no colour, and none of the parent's NODE_OPTIONS. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.NODE_OPTIONS;
  return env;
}

export async function measure(options: MeasureOptions): Promise<Measurement> {
  const timeDir = hasGnuTime() ? mkdtempSync(path.join(os.tmpdir(), 'docsmith-time-')) : undefined;
  const timeFile = timeDir && path.join(timeDir, 'rusage');
  const [command, args] = timeFile ? [GNU_TIME, ['-f', TIME_FORMAT, '-o', timeFile, options.command, ...options.args]] : [options.command, options.args];

  const started = performance.now();
  // Its own process group, so a timeout can end the build together with its helpers.
  const child = spawn(command, args, { cwd: options.cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let timedOut = false;
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        }, options.timeoutMs);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let sampledPeak = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) sampledPeak = Math.max(sampledPeak, treeRss(child.pid, timeFile !== undefined));
  }, SAMPLE_INTERVAL_MS);

  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => {
    clearInterval(sampler);
    clearTimeout(timer);
  });
  const milliseconds = performance.now() - started;

  let kernelPeak = 0;
  let cpuMs = 0;
  if (timeFile) {
    const usage = existsSync(timeFile) ? parseTimeLine(readFileSync(timeFile, 'utf8')) : undefined;
    kernelPeak = (usage?.maxRssKb ?? 0) * 1024;
    cpuMs = usage?.cpuMs ?? 0;
    rmSync(timeDir!, { recursive: true, force: true });
  }
  return { milliseconds, peakRss: Math.max(kernelPeak, sampledPeak), cpuMs, exitCode, timedOut, stdout, stderr };
}

/** GNU time's last line (it writes "Command exited with non-zero status N" before it). */
function parseTimeLine(text: string): { maxRssKb: number; cpuMs: number } | undefined {
  const match = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(text.trim().split('\n').at(-1) ?? '');
  return match ? { maxRssKb: Number(match[1]), cpuMs: (Number(match[2]) + Number(match[3])) * 1000 } : undefined;
}

/** RSS summed over a process and its descendants (without the process itself when it is only GNU time). */
function treeRss(pid: number, skipRoot: boolean): number {
  let total = 0;
  const visit = (id: number, isRoot: boolean) => {
    if (!(isRoot && skipRoot)) total += rssOf(id);
    for (const child of childrenOf(id)) visit(child, false);
  };
  visit(pid, true);
  return total;
}

function rssOf(pid: number): number {
  try {
    const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(resident) ? resident * PAGE_SIZE : 0;
  } catch {
    return 0; // gone already, or no /proc
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) for (const id of text.split(' ')) children.push(Number(id));
    }
  } catch {
    // gone already, or no /proc
  }
  return children;
}
