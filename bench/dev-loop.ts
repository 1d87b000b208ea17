/**
 * The writer's loop, timed from outside: start `docsmith dev` on a site, listen to its
 * reload events like a browser tab does, save an edit to one page, and time until the
 * `reload` event arrives; then fetch the page to check the edit is what is served.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface DevLoopOptions {
  /** Command and arguments that start docsmith, `dev` and its options excluded. */
  command: string;
  args: string[];
  root: string;
  /** Page to edit, relative to the site root, and its URL path. */
  page: { file: string; url: string };
  edits: number;
  /** How long to wait for the first build, then for each reload. */
  startTimeoutMs: number;
}

export interface DevLoopResult {
  /** Save → reload event, per edit. */
  milliseconds: number[];
  /** The server's own "rebuilt in N ms" lines. */
  serverLog: string[];
}

const EVENTS_PATH = '/__docsmith/events';
const PAUSE_BETWEEN_EDITS_MS = 1000;

export async function measureDevLoop(options: DevLoopOptions): Promise<DevLoopResult> {
  const port = 20_000 + (process.pid % 20_000);
  const child = spawn(options.command, [...options.args, 'dev', '--root', '.', '--port', String(port)], { cwd: options.root, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const serverLog: string[] = [];
  let stderr = '';
  const file = path.join(options.root, options.page.file);
  const original = readFileSync(file, 'utf8');
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`docsmith dev did not start within ${options.startTimeoutMs / 1000}s:\n${stderr.slice(-2000)}`)), options.startTimeoutMs);
      child.on('exit', (code) => reject(new Error(`docsmith dev exited with ${code}:\n${stderr.slice(-2000)}`)));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        for (const line of chunk.split('\n')) if (/^rebuilt in/.test(line)) serverLog.push(line);
        const serving = /Serving .* at (http:\/\/\S+)/.exec(stderr);
        if (serving) clearTimeout(timer), resolve(serving[1]!.replace(/\/$/, ''));
      });
    });
    // As the theme's client subscribes: with the page it shows.
    const events = await subscribe(`${url}${EVENTS_PATH}?page=${encodeURIComponent(options.page.url)}`);
    const milliseconds: number[] = [];
    try {
      for (let i = 1; i <= options.edits; i++) {
        await sleep(PAUSE_BETWEEN_EDITS_MS); // let the watcher settle, and the previous search indexing start
        const marker = `bench-edit-${process.pid}-${i}`;
        const reloaded = events.next('reload', options.startTimeoutMs);
        const started = performance.now();
        writeFileSync(file, `${original}\nEdited by the bench: ${marker}.\n`);
        await reloaded;
        milliseconds.push(performance.now() - started);
        const served = await fetchText(`${url}${options.page.url}`);
        if (!served.includes(marker)) throw new Error(`after the reload, ${options.page.url} does not show the edit`);
      }
    } finally {
      events.close();
    }
    return { milliseconds, serverLog };
  } finally {
    writeFileSync(file, original);
    if (child.pid !== undefined && child.exitCode === null) {
      child.kill('SIGINT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if ((await Promise.race([exited, sleep(5000).then(() => 'timeout')])) === 'timeout') process.kill(-child.pid, 'SIGKILL');
    }
  }
}

/** A server-sent-events stream, read as a browser tab would. */
function subscribe(url: string): Promise<{ next(event: string, timeoutMs: number): Promise<void>; close(): void }> {
  return new Promise((resolve, reject) => {
    const waiting: Array<{ event: string; resolve: () => void }> = [];
    const request = http.get(url, (response) => {
      let buffer = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          for (const waiter of waiting.filter((w) => w.event === name)) waiting.splice(waiting.indexOf(waiter), 1), waiter.resolve();
        }
      });
      resolve({
        next: (event, timeoutMs) =>
          new Promise<void>((done, fail) => {
            const timer = setTimeout(() => fail(new Error(`no "${event}" event within ${timeoutMs / 1000}s`)), timeoutMs);
            waiting.push({ event, resolve: () => (clearTimeout(timer), done()) });
          }),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
