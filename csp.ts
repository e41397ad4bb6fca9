/**
 * The Content-Security-Policy every route is served with (set per request by
 * proxy.ts). Scripts run only with this response's nonce ('strict-dynamic'
 * lets the scripts Next.js loads from them load their chunks): no
 * 'unsafe-inline', so an injected <script> or event-handler attribute never
 * runs. 'unsafe-eval' only under `next dev` (React's dev tooling rebuilds
 * server stacks with eval). Cytoscape and Next set inline style attributes,
 * hence style-src 'unsafe-inline' (styles cannot run code).
 */

/** 128 random bits, base64: a fresh one per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, frameAncestors, dev = false }: { nonce: string; frameAncestors: string; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
