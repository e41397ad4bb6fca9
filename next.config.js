// @ts-check

/*
 * Security headers for every route. The Content-Security-Policy is not here:
 * it carries a fresh nonce per response, so proxy.ts sets it (csp.ts).
 */

const commonHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const securityHeaders = [{ key: 'X-Frame-Options', value: 'DENY' }, ...commonHeaders];

/*
 * /maps/<id>/embed is meant for iframes on other sites: no X-Frame-Options (it
 * has no "allow any" value; proxy.ts gives it `frame-ancestors https: http:`,
 * which supersedes it). Nothing else is loosened.
 */
const embedHeaders = commonHeaders;

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
