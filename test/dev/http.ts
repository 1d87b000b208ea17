import http from 'node:http';
import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with the path sent exactly as written: `fetch` and `new URL` would
 * resolve `..` and `%2e%2e` before the server ever saw them.
 */
export function rawGet(port: number, requestPath: string, host = '127.0.0.1'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port, path: requestPath, method: 'GET', agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * Writes a request line byte for byte on a socket (for targets `http.request` refuses,
 * like a literal backslash) and returns the status code of the answer.
 */
export function rawSocketStatus(port: number, requestLine: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

export interface ServerEvent {
  event: string;
  data: Record<string, unknown>;
  /** performance.now() when it arrived. */
  at: number;
}

/** A reader of the dev server's live-reload channel (server-sent events). */
export interface EventStream {
  /** Every event received so far, in order. */
  readonly events: ServerEvent[];
  /**
   * The first event of this type received after index `from` (default: from the
   * start), waiting for it when it has not arrived yet.
   */
  waitFor(event: string, options?: { from?: number; timeoutMs?: number }): Promise<ServerEvent>;
  close(): void;
}

/** Subscribes to `url` and resolves once the response headers arrived. */
export function openEvents(url: string): Promise<EventStream & { headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const events: ServerEvent[] = [];
    const listeners = new Set<() => void>();
    const request = http.get(url, { agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`events: HTTP ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n');
          events.push({ event, data: JSON.parse(data || '{}') as Record<string, unknown>, at: performance.now() });
          for (const listener of listeners) listener();
        }
      });
      response.on('error', () => {});
      resolve({
        headers: response.headers,
        events,
        waitFor(name, { from = 0, timeoutMs = 5000 } = {}) {
          return new Promise((found, fail) => {
            const check = () => {
              const hit = events.slice(from).find((e) => e.event === name);
              if (!hit) return false;
              listeners.delete(check);
              clearTimeout(timer);
              found(hit);
              return true;
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              fail(new Error(`no "${name}" event within ${timeoutMs} ms; got ${JSON.stringify(events.slice(from).map((e) => e.event))}`));
            }, timeoutMs);
            if (!check()) listeners.add(check);
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', (error) => {
      if (!request.destroyed) reject(error);
    });
  });
}
