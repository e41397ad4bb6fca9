/**
 * A node:http server on loopback around a Fetch-style handler
 * (`Request` → `Response`), the shape app/api/graphql/route.ts exports, so
 * the benchmark measures the real GraphQL handler over real HTTP without
 * starting Next.js.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:43817 */
  url: string;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(handler: FetchHandler, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readAll(req));
  const response = await handler(new Request(new URL(req.url ?? '/', origin), { method, headers, body }));
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Listens on 127.0.0.1 on a free port. */
export function startServer(handler: FetchHandler): Promise<RunningServer> {
  let origin = '';
  const server = createServer((req, res) => {
    serve(handler, origin, req, res).catch((e: unknown) => {
      console.error('bench server: handler failed:', e instanceof Error ? e.message : e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // Load tests open many keep-alive connections; do not let Node's defaults cut them mid-run.
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://127.0.0.1:${port}`;
      resolve({
        url: origin,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
