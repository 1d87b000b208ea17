import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CLIENT_PATH, DEV_EVENTS_PATH } from '../../src/dev/client.ts';
import { DevServer, resolveRequestPath } from '../../src/dev/server.ts';
import { openEvents, rawGet, rawSocketStatus, type EventStream } from './http.ts';

describe('resolveRequestPath', () => {
  it('maps clean URLs under base "/" to output files', () => {
    expect(resolveRequestPath('/', '/')).toBe('index.html');
    expect(resolveRequestPath('/guide/', '/')).toBe('guide/index.html');
    expect(resolveRequestPath('/api/users', '/')).toBe('api/users');
    expect(resolveRequestPath('/assets/style.css', '/')).toBe('assets/style.css');
    expect(resolveRequestPath('//assets//style.css', '/')).toBe('assets/style.css');
    expect(resolveRequestPath('/caf%C3%A9/', '/')).toBe('café/index.html');
    expect(resolveRequestPath('/with%20space.png', '/')).toBe('with space.png');
  });

  it('maps URLs under base "/docs/" and refuses those outside it', () => {
    expect(resolveRequestPath('/docs/', '/docs/')).toBe('index.html');
    expect(resolveRequestPath('/docs', '/docs/')).toBe('index.html');
    expect(resolveRequestPath('/docs/guide/', '/docs/')).toBe('guide/index.html');
    expect(resolveRequestPath('/docs/assets/theme.js', '/docs/')).toBe('assets/theme.js');
    expect(resolveRequestPath('/', '/docs/')).toBeUndefined();
    expect(resolveRequestPath('/guide/', '/docs/')).toBeUndefined();
    expect(resolveRequestPath('/docsx/guide/', '/docs/')).toBeUndefined();
    expect(resolveRequestPath('/docs/../etc/passwd', '/docs/')).toBeUndefined();
    expect(resolveRequestPath('/docs/%2e%2e/site.config.ts', '/docs/')).toBeUndefined();
  });

  it.each([
    '/../etc/passwd',
    '/guide/../../etc/passwd',
    '/..',
    '/./index.html',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/etc/passwd',
    '/.%2e/etc/passwd',
    '/%2e./etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/%2e%2e%2f%2e%2e%2fetc/passwd',
    '/guide%2f..%2f..%2fsite.config.ts',
    '/guide%2Findex.html',
    '/%5c..%5csite.config.ts',
    '/%5C',
    '/..\\site.config.ts',
    '/guide\\index.html',
    '/index.html%00.png',
    '/index.html\0',
    '/%E0%A4%A', // not valid percent-encoding
    '/%c0%ae%c0%ae/etc/passwd', // overlong UTF-8 dots
  ])('refuses %j', (pathname) => {
    expect(resolveRequestPath(pathname, '/')).toBeUndefined();
    expect(resolveRequestPath(`/docs${pathname}`, '/docs/')).toBeUndefined();
  });

  it('keeps double-encoded dots as a literal name (looked up in the map, never decoded twice)', () => {
    expect(resolveRequestPath('/%252e%252e/secret', '/')).toBe('%2e%2e/secret');
  });
});

const PAGE = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const BIG = new Uint8Array(32 * 1024 * 1024).fill(120);

describe('DevServer over HTTP', () => {
  let server: DevServer | undefined;
  const streams: EventStream[] = [];
  const others: Array<http.Server | net.Server> = [];

  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await server?.close();
    server = undefined;
    for (const other of others.splice(0)) await new Promise((resolve) => other.close(resolve));
  });

  async function start(options: { base?: string; files?: Map<string, string | Uint8Array>; host?: string; status?: (file: string) => number | undefined } = {}) {
    const files =
      options.files ??
      new Map<string, string | Uint8Array>([
        ['index.html', PAGE('Home')],
        ['api/users/index.html', PAGE('Users')],
        ['assets/style.css', 'body { color: black }'],
        ['404.html', PAGE('Not here')],
        ['big.bin', BIG],
      ]);
    server = new DevServer({ file: (name) => files.get(name), status: options.status, base: options.base ?? '/', host: options.host });
    const port = await server.listen(0);
    return { port, url: `http://127.0.0.1:${port}`, files };
  }

  it('listens on 127.0.0.1 by default, never on every interface', async () => {
    await start();
    const address = (server as unknown as { server: http.Server }).server.address() as net.AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.family).toBe('IPv4');
  });

  it('listens on the host it is given', async () => {
    const { port } = await start({ host: '0.0.0.0' });
    const address = (server as unknown as { server: http.Server }).server.address() as net.AddressInfo;
    expect(address.address).toBe('0.0.0.0');
    expect((await rawGet(port, '/')).status).toBe(200);
  });

  it('takes the next free port when the first is taken', async () => {
    const blocker = net.createServer();
    others.push(blocker);
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    server = new DevServer({ file: (name) => new Map([['index.html', PAGE('Home')]]).get(name), base: '/' });
    const port = await server.listen(taken);
    expect(port).toBeGreaterThan(taken);
    expect(port).toBeLessThan(taken + 20);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Home</h1>');
  });

  it('says so when no port in the range is free', async () => {
    const blocker = net.createServer();
    others.push(blocker);
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
    server = new DevServer({ file: () => undefined, base: '/' });
    await expect(server.listen(taken, 1)).rejects.toThrow(`no free port from ${taken} to ${taken}`);
    server = undefined; // never listened: nothing to close
  });

  it('serves index.html for "/" with the live-reload script injected before </body>', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>Home</h1>');
    expect(html).toContain(`<script src="${DEV_CLIENT_PATH}"></script></body>`);
    expect(html.match(/__docsmith\/client\.js/g)).toHaveLength(1);
  });

  it('injects the script before the last </body>, not one quoted in the page', async () => {
    const page = `<html><body><script>const tpl = "</body>";</script><p>x</p></body></html>`;
    const { url } = await start({ files: new Map([['index.html', page]]) });
    const html = await (await fetch(`${url}/`)).text();
    expect(html).toBe(`<html><body><script>const tpl = "</body>";</script><p>x</p><script src="${DEV_CLIENT_PATH}"></script></body></html>`);
  });

  it('serves the client script, which listens on the events path', async () => {
    const { url } = await start();
    const response = await fetch(`${url}${DEV_CLIENT_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const script = await response.text();
    expect(script).toContain(`new EventSource(${JSON.stringify(DEV_EVENTS_PATH)} + '?page=' + encodeURIComponent(location.pathname))`);
    expect(script).toContain("addEventListener('reload'");
    expect(script).toContain("addEventListener('errors'");
    expect(() => new Function(script)).not.toThrow(); // it parses
  });

  it('serves other files with their type and no injected script', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/assets/style.css`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toBe('body { color: black }');
  });

  it('redirects /api/users to /api/users/ (query kept) and serves the folder index there', async () => {
    const { url } = await start();
    const redirect = await fetch(`${url}/api/users?tab=2`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/api/users/?tab=2');
    const page = await fetch(`${url}/api/users/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Users</h1>');
  });

  it('never redirects to another host through a path that starts with //', async () => {
    const { port } = await start();
    const response = await rawGet(port, '//api/users');
    if (response.status === 301) expect(response.headers.location).toMatch(/^\/[^/]/);
    else expect(response.status).toBe(404);
  });

  it('answers an unknown path with 404.html and status 404', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/nope/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('<h1>Not here</h1>');
    expect(html).toContain(DEV_CLIENT_PATH); // a 404 tab reloads too, once the page exists
  });

  it('answers 404 with a page that carries the client script when the build has no 404.html (it stopped at the config)', async () => {
    const { url } = await start({ files: new Map([['index.html', PAGE('Home')]]) });
    const response = await fetch(`${url}/nope/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>Not found</h1>');
    expect(html).toContain(`<script src="${DEV_CLIENT_PATH}"></script></body>`);
  });

  it('answers a file with the status it is given (an error page for a page that did not render: 500), script included', async () => {
    const files = new Map([['index.html', PAGE('Home')], ['guide/index.html', PAGE('Did not render')]]);
    const { url } = await start({ files, status: (file) => (file === 'guide/index.html' ? 500 : undefined) });
    const response = await fetch(`${url}/guide/`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain(`<h1>Did not render</h1><script src="${DEV_CLIENT_PATH}"></script></body>`);
    expect((await fetch(`${url}/`)).status).toBe(200);
  });

  it('reads the file map on every request, so a rebuild is served at once', async () => {
    const { url, files } = await start();
    files.set('index.html', PAGE('Home v2'));
    expect(await (await fetch(`${url}/`)).text()).toContain('<h1>Home v2</h1>');
  });

  it('serves a site under base /docs/ only there', async () => {
    const { url, port } = await start({ base: '/docs/' });
    expect(await (await fetch(`${url}/docs/`)).text()).toContain('<h1>Home</h1>');
    expect((await fetch(`${url}/docs/api/users`, { redirect: 'manual' })).headers.get('location')).toBe('/docs/api/users/');
    expect((await fetch(`${url}/docs/nope/`)).status).toBe(404);
    const outside = await rawGet(port, '/api/users/');
    expect(outside.status).toBe(404);
    expect(outside.body).toBe('not found: the site is served under /docs/');
    // The bare host and the base without its slash lead to the site, query kept.
    for (const entry of ['/', '/docs', '/?x=1', '/docs?x=1']) {
      const response = await rawGet(port, entry);
      expect(response.status, entry).toBe(302);
      expect(response.headers.location, entry).toBe(entry.includes('?') ? '/docs/?x=1' : '/docs/');
    }
    expect((await rawGet(port, '/docs/../api/users/')).status).toBe(400);
  });

  it('accepts an absolute-form request target and judges its path the same way', async () => {
    const { port } = await start();
    expect((await rawSocketStatus(port, `GET http://127.0.0.1:${port}/api/users/ HTTP/1.1`)).text).toContain('<h1>Users</h1>');
    expect((await rawSocketStatus(port, `GET http://127.0.0.1:${port}/assets/../index.html HTTP/1.1`)).status).toBe(400);
    expect((await rawSocketStatus(port, 'OPTIONS * HTTP/1.1')).status).toBe(400);
  });

  describe('only ever serves files of the build', () => {
    // What each attack would find if the server read the disk relative to its map.
    const SECRETS = ['root:x:0:0', '"devDependencies"', 'export default'];
    const ATTACKS = [
      '/../etc/passwd',
      '/../../../../../../etc/passwd',
      '/assets/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
      '/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/assets%2f..%2f..%2fpackage.json',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/index.html%00.css',
      '/.%2e/.%2e/package.json',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
      '/%', // malformed escape
    ];

    it.each(ATTACKS)('%s → 400 or 404, nothing from the disk', async (attack) => {
      const { port } = await start();
      const response = await rawGet(port, attack);
      expect([400, 404]).toContain(response.status);
      for (const secret of SECRETS) expect(response.body).not.toContain(secret);
    });

    it('refuses a literal ".." segment outright, even when it would stay inside the build', async () => {
      const { port } = await start();
      // The URL parser would quietly turn these into "/index.html": the server sees the raw path.
      for (const attack of ['/assets/../index.html', '/api/%2e%2e/index.html', '/./index.html']) {
        const response = await rawGet(port, attack);
        expect(response.status, attack).toBe(400);
        expect(response.body, attack).not.toContain('<h1>Home</h1>');
      }
    });

    it('refuses a literal backslash and a NUL byte on the request line', async () => {
      const { port } = await start();
      for (const line of ['GET /..\\..\\etc\\passwd HTTP/1.1', 'GET /assets\\..\\index.html HTTP/1.1']) {
        const { status, text } = await rawSocketStatus(port, line);
        expect([400, 404], line).toContain(status);
        expect(text).not.toContain('root:x:0:0');
        expect(text).not.toContain('<h1>Home</h1>');
      }
      const nul = await rawSocketStatus(port, 'GET /index.html\0.css HTTP/1.1');
      expect([400, 404]).toContain(nul.status); // Node's parser or the server: either way, no file
    });

    it('still serves the real files after a burst of bad requests', async () => {
      const { port, url } = await start();
      await Promise.all(ATTACKS.map((attack) => rawGet(port, attack)));
      expect((await fetch(`${url}/`)).status).toBe(200);
    });
  });

  it('survives a client that disconnects in the middle of a large response', async () => {
    const { port, url } = await start();
    for (let round = 0; round < 5; round++) {
      const received = await new Promise<number>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let bytes = 0;
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > 256 * 1024) {
            socket.destroy();
            resolve(bytes);
          }
        });
        socket.on('error', reject);
        socket.write('GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      });
      expect(received).toBeLessThan(BIG.length);
    }
    // And a client that stops reading and then resets the connection.
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        socket.pause();
        setTimeout(() => {
          socket.resetAndDestroy();
          resolve();
        }, 100);
      });
    });
    // The same through http.request, aborted after the first chunk.
    await new Promise<void>((resolve) => {
      const request = http.get(`${url}/big.bin`, { agent: false }, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
        response.on('error', () => {});
      });
      request.on('error', () => {});
    });
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Home</h1>');
    const big = await fetch(`${url}/big.bin`);
    expect((await big.arrayBuffer()).byteLength).toBe(BIG.length);
  });

  describe('live-reload channel', () => {
    it('says hello on connect, then reload after reload()', async () => {
      const { url } = await start();
      const events = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(events);
      expect(events.headers['content-type']).toBe('text/event-stream');
      expect(events.headers['cache-control']).toBe('no-store');
      const hello = await events.waitFor('hello');
      expect(hello.data).toEqual({});
      server!.reload();
      const reload = await events.waitFor('reload', { from: 1 });
      expect(reload.data).toEqual({});
    });

    it('sends every open tab the errors report, greets a tab that connects while broken with it, and clears it on reload', async () => {
      const { url } = await start();
      const first = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(first);
      await first.waitFor('hello');

      const report = 'content/guide.md:3:5: error: undefined placeholder "oops" [liquid/undefined-variable]\n  3 | Hi {{ oops }}\n    |    ^';
      server!.showErrors(report, { summary: '1 error, 0 warnings' });
      expect((await first.waitFor('errors')).data).toEqual({ report, summary: '1 error, 0 warnings' });
      server!.showErrors(report, { summary: '1 error, 0 warnings', reload: true });
      expect((await first.waitFor('errors', { from: 2 })).data).toEqual({ report, summary: '1 error, 0 warnings', reload: true });

      const late = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(late);
      // A tab that connects is only told the problems: it has just loaded what is served.
      expect((await late.waitFor('hello')).data).toEqual({ report, summary: '1 error, 0 warnings' });

      server!.reload();
      await first.waitFor('reload');
      await late.waitFor('reload');
      const fresh = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(fresh);
      expect((await fresh.waitFor('hello')).data).toEqual({});
    });

    it('forgets a tab that closed, and keeps telling the others', async () => {
      const { url } = await start();
      const gone = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      const stays = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(stays);
      await gone.waitFor('hello');
      await stays.waitFor('hello');
      gone.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((server as unknown as { clients: Set<unknown> }).clients.size).toBe(1);
      server!.reload();
      await stays.waitFor('reload');
    });

    it('ends open event streams on close, so close() does not wait for tabs', async () => {
      const { url } = await start();
      const events = await openEvents(`${url}${DEV_EVENTS_PATH}`);
      streams.push(events);
      await events.waitFor('hello');
      // A kept-alive idle connection too.
      const agent = new http.Agent({ keepAlive: true });
      await new Promise<void>((resolve) => http.get(`${url}/`, { agent }, (r) => r.resume().on('end', () => resolve())));
      const started = performance.now();
      await server!.close();
      server = undefined;
      agent.destroy();
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });
});
