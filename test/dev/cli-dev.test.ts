import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, makeSite, eventually } from '../helpers.ts';

/** `docsmith dev` in its own process, the way `npm run dev` runs it. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, 'dev', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const listener of listeners) listener();
  });
  /** Waits for `pattern` in stderr after character `from`. */
  const waitFor = (pattern: RegExp, from = 0, ms = 15_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stderr.slice(from));
        if (!match) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${pattern} in stderr within ${ms} ms:\n${stderr}`));
      }, ms);
      listeners.add(check);
      check();
    });
  return { child, waitFor, get stderr() { return stderr; } };
}


function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

describe('docsmith dev (the command line)', () => {
  const cleanup: Array<() => void | Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  function site() {
    const root = makeSite({
      'site.config.ts': "export default { title: 'Acme', metadata: { product: 'Widget' } };\n",
      'content/index.md': '# Home\n\nWelcome to {{ page.metadata.product }}.\n',
    });
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    return root;
  }

  async function start(root: string, port = 0) {
    const dev = startCli(['--root', root, '--port', String(port)]);
    cleanup.push(async () => {
      if (dev.child.exitCode === null) dev.child.kill('SIGKILL');
      await exited(dev.child);
    });
    const [, url] = await dev.waitFor(/Serving \S+ at (http:\/\/\S+) \(Ctrl-C to stop\)/);
    return { dev, url: url! };
  }

  it('says which port it took when the one asked for is busy, serves, rebuilds on an edit, and stops cleanly on Ctrl-C', async () => {
    const blocker = net.createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    cleanup.push(() => new Promise((resolve) => blocker.close(resolve)));
    const root = site();
    const { dev, url } = await start(root, taken);
    const port = Number(new URL(url).port);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(taken);
    expect(await (await fetch(url)).text()).toContain('Welcome to Widget.');

    const from = dev.stderr.length;
    writeFileSync(path.join(root, 'content/index.md'), '# Home\n\nHello from {{ page.metadata.product }}.\n');
    await dev.waitFor(/rebuilt in \d+ ms \(1 rendered\)/, from);
    // Another process wrote the file: the rebuild may have caught it half-written, and a
    // second rebuild follows. The last one must hold the whole text.
    await eventually(async () => expect(await (await fetch(url)).text()).toContain('Hello from Widget.'));

    dev.child.kill('SIGINT');
    expect(await exited(dev.child)).toBe(0);
  });

  // The edited config must not come from the module cache (src/config/import-config.ts).
  it('applies a site.config.ts edit without a restart', async () => {
    const root = site();
    const { dev, url } = await start(root);
    const from = dev.stderr.length;
    writeFileSync(path.join(root, 'site.config.ts'), "export default { title: 'Acme', metadata: { product: 'Gadget' } };\n");
    await dev.waitFor(/(rebuilt|build failed) in \d+ ms/, from);
    // Today: "rebuilt in N ms (0 rendered)", the old config still in force.
    await eventually(async () => expect(await (await fetch(url)).text()).toContain('Welcome to Gadget.'), 1500);
  });
});
