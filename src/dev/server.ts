import http from 'node:http';
import path from 'node:path/posix';
import { DEV_CLIENT_PATH, DEV_EVENTS_PATH, devClientScript } from './client.ts';

export interface DevServerOptions {
  /** A file to serve, by output path (the memory writer's, or the search index's), looked up on every request. */
  file: (path: string) => string | Uint8Array | undefined;
  /** The status to answer a file with when it is not 200 (a page that did not render: 500). */
  status?: (path: string) => number | undefined;
  /** The site's base path (`/` or `/docs/`). */
  base: string;
  /** For a file not found: a build under way that may make it (a variant built on first visit), after which the request is answered. */
  pending?: (path: string) => Promise<unknown> | undefined;
  host?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/**
 * Serves the in-memory build and pushes rebuild events to open tabs (server-sent
 * events: one-way, plain HTTP, reconnects by itself). It can only ever answer with a
 * file from the build's own map, so no URL can reach the disk.
 */
export class DevServer {
  /** Open tabs, with the path each shows. */
  private readonly clients = new Map<http.ServerResponse, string>();
  private readonly server: http.Server;
  /** The current problems, shown to tabs that connect while the build is broken. */
  private problems: ProblemsEvent | undefined;

  constructor(private readonly options: DevServerOptions) {
    this.server = http.createServer((request, response) => {
      // A client that goes away mid-response must not take the server down.
      response.on('error', () => {});
      request.on('error', () => {});
      try {
        this.handle(request, response);
      } catch {
        if (!response.headersSent) response.writeHead(500).end('internal error');
      }
    });
  }

  /** Listens on the first free port from `port` up; resolves with the port it got. */
  async listen(port: number, attempts = 20): Promise<number> {
    const host = this.options.host ?? '127.0.0.1';
    for (let candidate = port; candidate < port + attempts; candidate++) {
      const bound = await new Promise<boolean>((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error));
        this.server.once('error', onError);
        this.server.listen(candidate, host, () => {
          this.server.off('error', onError);
          resolve(true);
        });
      });
      if (bound) return (this.server.address() as { port: number }).port;
    }
    throw new Error(`no free port from ${port} to ${port + attempts - 1}`);
  }

  /** Tells every open tab to reload, and clears the error overlay. */
  reload(): void {
    this.problems = undefined;
    this.send('reload', {});
  }

  /**
   * Shows the build's problems over every open tab, greets tabs opened later with them,
   * and with `reload`, has open tabs reload first (what is served has changed).
   */
  showErrors(report: string, options: { summary?: string; reload?: boolean } = {}): void {
    this.problems = { report, summary: options.summary };
    this.send('errors', { ...this.problems, reload: options.reload || undefined });
  }

  async close(): Promise<void> {
    for (const client of this.clients.keys()) client.end();
    this.clients.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(event: string, data: unknown): void {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients.keys()) client.write(message);
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse, waited = false): void {
    // The raw request target, not `new URL(...)`: the URL parser resolves `..`, `%2e%2e`
    // and backslashes first, so `/assets/../x` would quietly become `/x` and the checks
    // in resolveRequestPath would never see what the client sent.
    const target = splitTarget(request.url ?? '/');
    if (target === undefined) {
      response.writeHead(400, { 'content-type': TYPES['.txt']! }).end('bad request path');
      return;
    }
    const { pathname, search } = target;
    if (pathname === DEV_EVENTS_PATH) return this.subscribe(response, new URLSearchParams(search).get('page') ?? '');
    if (pathname === DEV_CLIENT_PATH) {
      response.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(devClientScript);
      return;
    }
    const base = this.options.base;
    if (base !== '/' && (pathname === '/' || pathname === base.slice(0, -1))) {
      // `/` and `/docs` → `/docs/`: the site lives under its base, as in production.
      response.writeHead(302, { location: `${base}${search}` }).end();
      return;
    }
    const file = resolveRequestPath(pathname, base);
    if (file === undefined) {
      // A safe path outside the base is only not found; anything else is refused.
      const outsideBase = base !== '/' && resolveRequestPath(pathname, '/') !== undefined;
      response.writeHead(outsideBase ? 404 : 400, { 'content-type': TYPES['.txt']! }).end(outsideBase ? `not found: the site is served under ${base}` : 'bad request path');
      return;
    }
    for (const candidate of [file, `${file}/index.html`]) {
      const body = this.options.file(candidate);
      if (body === undefined) continue;
      if (candidate !== file && !pathname.endsWith('/')) {
        // `/api/users` → `/api/users/`, so relative URLs in the page resolve as in production.
        // Runs of slashes are collapsed: `//host/x` would otherwise redirect to another host.
        response.writeHead(301, { location: `${pathname.replace(/\/{2,}/g, '/')}/${search}` }).end();
        return;
      }
      return this.sendFile(response, candidate, body, this.options.status?.(candidate) ?? 200);
    }
    const waiting = waited ? undefined : this.options.pending?.(file);
    if (waiting) {
      const answer = () => {
        try {
          this.handle(request, response, true);
        } catch {
          if (!response.headersSent) response.writeHead(500).end('internal error');
        }
      };
      void waiting.then(answer, answer);
      return;
    }
    // HTML either way, so the client script comes too: the tab shows the build's problems
    // (a build that stopped early has no 404.html), and reloads once the page exists.
    const notFound = this.options.file('404.html') ?? NOT_FOUND_PAGE;
    this.sendFile(response, '404.html', notFound, 404);
  }

  private sendFile(response: http.ServerResponse, file: string, body: string | Uint8Array, status: number): void {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    let payload = body;
    if (type.startsWith('text/html')) {
      const html = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      const tag = `<script src="${DEV_CLIENT_PATH}"></script>`;
      // Before the last `</body>`: an earlier one may be text inside a script or a code sample.
      const end = html.lastIndexOf('</body>');
      payload = end === -1 ? html + tag : html.slice(0, end) + tag + html.slice(end);
    }
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(payload);
  }

  /** The output paths (under the base) the open tabs show: `self-hosted/api/users/`. */
  viewed(): string[] {
    const base = this.options.base;
    return [...this.clients.values()].filter((page) => page.startsWith(base)).map((page) => page.slice(base.length));
  }

  private subscribe(response: http.ServerResponse, page: string): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`event: hello\ndata: ${JSON.stringify(this.problems ?? {})}\n\n`);
    this.clients.set(response, page);
    response.on('close', () => this.clients.delete(response));
  }
}

/** The problems a tab shows: the text report and its closing count. */
interface ProblemsEvent {
  report: string;
  summary: string | undefined;
}

const NOT_FOUND_PAGE = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>No page has this address.</p></body></html>\n';

/**
 * The path and query of a request target as the client sent it: origin form
 * (`/a/b?x`), or absolute form (`http://host/a/b?x`, from proxies). `undefined` for
 * anything else (`*`, `host:port`).
 */
function splitTarget(target: string): { pathname: string; search: string } | undefined {
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(target);
  const rest = origin ? target.slice(origin[0].length) || '/' : target;
  if (!rest.startsWith('/')) return undefined;
  const end = rest.search(/[?#]/);
  if (end === -1) return { pathname: rest, search: '' };
  const query = rest.slice(end).split('#')[0]!;
  return { pathname: rest.slice(0, end), search: query };
}

/**
 * Maps a request path to an output file, or `undefined` for a path that tries to
 * leave the output (`..`, `%2e%2e`, encoded slashes or backslashes, NUL).
 */
export function resolveRequestPath(pathname: string, base: string): string | undefined {
  if (/%2f|%5c|%00/i.test(pathname)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const inBase = decoded.startsWith(base) ? decoded.slice(base.length) : decoded === base.slice(0, -1) ? '' : undefined;
  if (inBase === undefined) return undefined;
  const file = inBase === '' || inBase.endsWith('/') ? `${inBase}index.html` : inBase;
  return file.replace(/\/+/g, '/').replace(/^\//, '');
}
