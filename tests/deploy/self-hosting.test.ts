/**
 * Self-hosting checks that need no Docker engine: the compose file parses (with
 * Debian's docker-compose when installed, and structurally always), the
 * Dockerfile lints clean, and what the image runs actually exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(__dirname, '../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}

const hasDockerCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

describe('docker-compose.yml', () => {
  const env = { ...process.env, NEO4J_PASSWORD: 'test-password' };

  it.runIf(hasDockerCompose)('is accepted by docker-compose config', () => {
    const out = execFileSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config'], { env, encoding: 'utf8' });
    expect(out).toContain('bolt://neo4j:7687');
  });
  if (!hasDockerCompose) console.log('skipped "is accepted by docker-compose config": docker-compose is not installed (apt-get install docker-compose)');

  it('refuses to start without a Neo4j password', () => {
    if (!hasDockerCompose) return void expect(read('docker-compose.yml')).toContain('${NEO4J_PASSWORD:?');
    const envNoPw = { ...process.env };
    delete envNoPw.NEO4J_PASSWORD;
    const r = spawnSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config'], { env: envNoPw, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('NEO4J_PASSWORD');
  });

  const services = (parseYaml(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> }).services;

  it('pins Neo4j 5 community, with auth from env, named volumes and a cypher-shell healthcheck', () => {
    const neo4j = services.neo4j;
    expect(neo4j.image).toMatch(/^neo4j:5\.\d+\.\d+-community$/);
    expect(neo4j.environment?.NEO4J_AUTH).toContain('${NEO4J_PASSWORD');
    expect(neo4j.volumes).toEqual(expect.arrayContaining(['neo4j-data:/data', 'neo4j-logs:/logs']));
    expect(neo4j.healthcheck?.test.join(' ')).toContain('cypher-shell');
  });

  it('runs the loader once neo4j is healthy, and the app once the loader completed', () => {
    expect(services.loader.depends_on?.neo4j.condition).toBe('service_healthy');
    expect(services.loader.command).toEqual(['node', 'loader.mjs']);
    expect(services.app.depends_on?.loader.condition).toBe('service_completed_successfully');
    expect(services.app.environment?.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(services.app.healthcheck?.test.join(' ')).toContain('/api/health');
    expect(services.app.ports?.some((p) => p.endsWith(':3000'))).toBe(true);
  });

  it('documents every variable it uses in .env.example', () => {
    const used = new Set([...read('docker-compose.yml').matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)].map((m) => m[1]));
    const documented = new Set([...read('.env.example').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const missing = [...used].filter((v) => !documented.has(v) && !['NEO4J_HEAP', 'NEO4J_PAGECACHE'].includes(v));
    expect(missing).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('lints without diagnostics', () => {
    expect(lintDockerfile(dockerfile)).toEqual([]);
  });

  it('is multi-stage, runs as a non-root user and starts the standalone server', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^CMD \["node", "server\.js"\]$/m);
    expect(read('next.config.js')).toMatch(/output:\s*'standalone'/);
  });

  it('copies only build output into the final stage and keeps secrets out of the context', () => {
    const final = dockerfile.slice(dockerfile.lastIndexOf('FROM '));
    expect(final).not.toMatch(/COPY \. /);
    expect(final).not.toMatch(/npm (ci|install)/);
    const ignore = read('.dockerignore');
    for (const entry of ['node_modules', '.env', '.steppe', '.git']) expect(ignore.split('\n')).toContain(entry);
  });

  it('points at things that exist: the health route, the loader script, the schema and dataset', () => {
    for (const f of ['app/api/health/route.ts', 'scripts/db-load.ts', 'schema.graphql', 'data/actors.jsonl']) expect(existsSync(path.join(root, f)), f).toBe(true);
  });
});
