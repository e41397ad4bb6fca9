/**
 * A real HTTP server for the API tests: node:http on 127.0.0.1 (random port)
 * serving a Fetch-style handler, with the smallest possible adapter from
 * IncomingMessage to Request and back, and a `gql()` client built on fetch().
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `routes[method]`; other methods get 405 like a Next.js route without that export. */
export async function serve(routes: Partial<Record<'GET' | 'POST', FetchHandler>>): Promise<TestServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const handler = routes[req.method as 'GET' | 'POST'];
      if (!handler) {
        res.writeHead(405, { allow: Object.keys(routes).join(', ') }).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const hasBody = req.method === 'POST';
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // @ts-expect-error Node's fetch needs duplex for streamed bodies; the DOM types do not know it.
        duplex: 'half',
      });
      const response = await handler(request);
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`test harness: ${(e as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Response data as tests explore it: shapes vary per query, assertions check them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read by assertions, not by typed code
export type Json = any;

export interface GqlError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: { code?: string; stacktrace?: string[]; problems?: { path: string; message: string }[] } & Record<string, unknown>;
}

export interface GqlResponse<T = Record<string, Json>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: GqlError[] };
  /** Codes of all errors, in order. */
  codes: string[];
}

export interface GqlOptions {
  variables?: Record<string, unknown>;
  token?: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  operationName?: string;
}

/** Sends one GraphQL request over HTTP the way a client would (POST JSON by default; GET with the CSRF preflight header). */
export async function gql<T = Record<string, Json>>(url: string, query: string, options: GqlOptions = {}): Promise<GqlResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json;q=0.9', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  if (options.method === 'GET') {
    const params = new URLSearchParams({ query });
    if (options.variables) params.set('variables', JSON.stringify(options.variables));
    if (options.operationName) params.set('operationName', options.operationName);
    res = await fetch(`${url}?${params}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  } else {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
    });
  }
  return parse<T>(res);
}

/** Sends a raw request (any body, any headers) and parses the GraphQL response. */
export async function raw<T = Record<string, Json>>(url: string, init: RequestInit): Promise<GqlResponse<T>> {
  return parse<T>(await fetch(url, init));
}

async function parse<T>(res: Response): Promise<GqlResponse<T>> {
  const text = await res.text();
  let body: GqlResponse<T>['body'];
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    throw new Error(`Response ${res.status} is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body, codes: (body.errors ?? []).map((e) => e.extensions?.code ?? '') };
}
