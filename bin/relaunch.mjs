// @ts-check
/**
 * Gives this command the Node options V8 reads only when it starts. When one is missing
 * (`node bin/docsmith.mjs`, `npx docsmith`), the command runs once more in a new Node
 * started with them, and this process only passes signals on and ends as that one ends.
 * Setting them later instead (v8.setFlagsFromString) is not safe: `--single-threaded-gc`
 * set so crashed V8 at the main thread's first full collection of a 4,000-page build
 * (`Check failed: concurrent_marking_handle_ implies !concurrent_marking_handle_->IsValid()`).
 */
import { spawn } from 'node:child_process';

/**
 * The Node options every docsmith command runs with, set here alone. --single-threaded-gc:
 * V8's helper threads marking and scavenging for three heaps took CPU from the render
 * workers on a two-core machine, and the workers' own threads do it with less overhead
 * (4,000 pages cold: 18.0–18.3 s against 19.3–20.2 s without, alternating; ARCHITECTURE.md).
 * The npm scripts start Node with them too (test/bin/relaunch.test.ts keeps them equal),
 * which spares the relaunch (about 80 ms: a tenth of a no-change rebuild).
 */
export const START_OPTIONS = ['--single-threaded-gc'];

/** Marks the relaunched process, so that it stops when the process that started it is gone. */
const RELAUNCHED = 'DOCSMITH_RELAUNCHED';
/** Passed on to the relaunched process; any other signal ends this one as it would have. */
const FORWARDED = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * Resolves true when this process has every option (go on and run the command), or, after
 * running the command in a new Node that has them, false (this process is done: its exit
 * code is set, or it has ended by the same signal as that one).
 *
 * @param {string[]} options Node options, as written on its command line
 * @returns {Promise<boolean>}
 */
export async function hasStartOptions(options) {
  if (process.env[RELAUNCHED]) {
    delete process.env[RELAUNCHED];
    stopWithParent();
  }
  const missing = options.filter((option) => !process.execArgv.includes(option));
  if (missing.length === 0) return true;
  const child = spawn(process.execPath, [...missing, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [RELAUNCHED]: '1' },
    // Its own process group (POSIX), so that a terminal's Ctrl-C reaches it once, passed on
    // from here, not twice (the second would cut the dev server's clean stop short).
    // On Windows, `detached` would open a console window.
    detached: process.platform !== 'win32',
  });
  const forward = (/** @type {NodeJS.Signals} */ signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  const [code, signal] = await new Promise((resolve) => child.once('exit', (...ended) => resolve(ended)));
  for (const name of FORWARDED) process.off(name, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
  return false;
}

/** A relaunched process whose parent was killed (SIGKILL passes nothing on) must not run on alone. */
function stopWithParent() {
  const channel = /** @type {{ unref(): void } | undefined} */ (process.channel);
  if (!channel) return;
  // The channel is only a lifeline: it must not keep this process alive once its work is done.
  channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
