/**
 * Refuses a path with a malformed percent-escape (`/actors/%ff`,
 * `%C0%AE%C0%AE`) with 400 before routing: Next.js would otherwise fail to
 * decode the route parameter and answer a bare 500 without the security
 * headers. One log line per refused request.
 */
import { NextResponse, type NextRequest } from 'next/server';

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const path = request.nextUrl.pathname;
  if (decodable(path)) return NextResponse.next();
  console.warn(`steppe: 400 for a malformed percent-escape in ${JSON.stringify(path.slice(0, 200))}`);
  return new NextResponse('Bad request: the path contains a malformed percent-escape.\n', {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export const config = {
  // Every route except Next's own hashed assets.
  matcher: '/((?!_next/static|_next/image).*)',
};
