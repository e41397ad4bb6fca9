import next from 'eslint-config-next';
import nextTs from 'eslint-config-next/typescript';

// Layering (issue 19): graph/core/ is what every store shares and depends on
// nothing above it; each store adapter builds on core alone; the app reaches
// the server only through the GraphQL entry points and the shared model.
const ADAPTERS = ['./graph/memory', './graph/neo4j'];
const ABOVE_CORE = [...ADAPTERS, './graph/api', './graph/io', './graph/intake', './graph/analytics', './graph/open-store.ts', './graph/config.ts'];
const boundaries = {
  files: ['**/*.{ts,tsx,js,mjs}'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './graph/memory', from: './graph/neo4j', message: 'Store adapters never import each other: share it through graph/core/.' },
          { target: './graph/neo4j', from: './graph/memory', message: 'Store adapters never import each other: share it through graph/core/.' },
          { target: './graph/core', from: ABOVE_CORE, message: 'graph/core/ depends on nothing above it.' },
          {
            target: './app',
            from: './graph',
            // What the pages use today: the GraphQL entry points, the health check's store, the config, and the shared model and error codes.
            except: ['./api/instance.ts', './api/schema.ts', './open-store.ts', './config.ts', './core/model.ts', './core/errors.ts', './core/seeded-random.ts'],
            message: 'app/ reaches the server through the GraphQL entry points only.',
          },
        ],
      },
    ],
  },
};

const config = [
  ...next,
  ...nextTs,
  // App Router only: there is no pages/ directory for this rule to check against.
  { rules: { '@next/next/no-html-link-for-pages': 'off' } },
  boundaries,
  { ignores: ['.next/**', 'node_modules/**', 'bench/.work/**', '.steppe/**', 'next-env.d.ts', 'test-results/**'] },
];

export default config;
