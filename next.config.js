// @ts-check

/*
 * Security headers for every route. Without per-request nonces, Next.js App
 * Router pages need 'unsafe-inline' in script-src: the RSC payload is streamed
 * as inline <script> tags (self.__next_f.push). React escapes every text node,
 * so injected markup never becomes a script. 'unsafe-eval' is for `next dev`
 * only (React's dev tooling rebuilds server stacks with eval). Cytoscape and
 * Next set inline style attributes, hence style-src 'unsafe-inline'.
 */
const isDev = process.env.NODE_ENV === 'development';

/** The policy with `frame-ancestors` as given: 'none' everywhere, any site for the map embed route only. */
const contentSecurityPolicy = (frameAncestors) => [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
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
];

const commonHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy("'none'").join('; ') },
  { key: 'X-Frame-Options', value: 'DENY' },
  ...commonHeaders,
];

/*
 * /maps/<id>/embed is meant for iframes on other sites: the same policy but
 * `frame-ancestors https: http:` (any web page) and no X-Frame-Options (it has no "allow
 * any" value, and CSP frame-ancestors supersedes it). Nothing else is loosened.
 */
const embedHeaders = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy('https: http:').join('; ') }, ...commonHeaders];

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The driver and server packages run only on the server; keep them out of bundling. graphql and
  // graphql-jit too, so our code, Apollo and graphql-jit share one graphql-js (its instanceof checks fail across copies).
  serverExternalPackages: ['neo4j-driver', '@apollo/server', 'graphology', 'graphql', 'graphql-jit'],
  // The dataset loader reads paths chosen at run time, so tracing cannot tell
  // which files it needs and copies the whole project; the image copies data/ itself.
  outputFileTracingExcludes: {
    '*': ['bench/**', 'tests/**', 'docs/**', 'data/**', 'scripts/**', 'reports/**', 'test-results/**', '.steppe/**', '*.md'],
  },
  async headers() {
    // Exactly one rule matches each path: a header given by two rules would be sent twice.
    return [
      { source: '/:path((?!maps/[^/]+/embed$).*)', headers: securityHeaders },
      { source: '/maps/:id/embed', headers: embedHeaders },
    ];
  },
};

export default nextConfig;
