import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  // App Router only: there is no pages/ directory for this rule to check against.
  { rules: { '@next/next/no-html-link-for-pages': 'off' } },
  { ignores: ['.next/**', 'node_modules/**', 'bench/.work/**', '.steppe/**', 'next-env.d.ts', 'test-results/**'] },
];

export default config;
