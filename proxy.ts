/**
 * Runs before every route except Next's own hashed assets:
 * 1. A path with a malformed percent-escape (`/actors/%ff`, `%C0%AE%C0%AE`)
 *    gets 400 before routing: Next.js would otherwise fail to decode the
 *    route parameter and answer a bare 500 without the security headers. One
 *    log line per refused request.
 * 2. Every answer gets the Content-Security-Policy (csp.ts) with a fresh
 *    nonce; the policy also goes on the request, where Next.js reads the nonce
 *    and puts it on the scripts it renders (its inline RSC payload included),
 *    so script-src needs no 'unsafe-inline'.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './csp';

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** /maps/<id>/embed is meant for iframes on other sites; every other page may not be framed. */
const framedAnywhere = (path: string) => /^\/maps\/[^/]+\/embed$/.test(path);

export function proxy(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname;
  const csp = contentSecurityPolicy({ nonce: newNonce(), frameAncestors: framedAnywhere(path) ? 'https: http:' : "'none'", dev: process.env.NODE_ENV === 'development' });
  if (!decodable(path)) {
    console.warn(`steppe: 400 for a malformed percent-escape in ${JSON.stringify(path.slice(0, 200))}`);
    return new NextResponse('Bad request: the path contains a malformed percent-escape.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': csp },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Every route except Next's own hashed assets.
  matcher: '/((?!_next/static|_next/image).*)',
};
