// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  // The driver and server packages run only on the server; keep them out of bundling.
  serverExternalPackages: ['neo4j-driver', '@apollo/server', 'graphology'],
};

export default nextConfig;
