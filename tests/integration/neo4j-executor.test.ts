/**
 * The Neo4j executor's error handling, offline: driver errors become Steppe
 * errors without Cypher text; an unreachable server and a refused login (a
 * fake Bolt server) fail fast with STORE_UNAVAILABLE through the real driver,
 * and the db scripts print one line and exit 1. Also the per-version choice of
 * migration statements.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jStoreConfig } from '@/graph/config';
import { ConflictError, NotFoundError, StoreUnavailableError } from '@/graph/core/errors';
import { LIST_RELATIONSHIPS } from '@/graph/neo4j/cypher';
import { mapDriverError, Neo4jQueryError, parseServerVersion, supportsRelationshipUniqueness } from '@/graph/neo4j/executor';
import { openNeo4jStore } from '@/graph/neo4j';
import { migrationPlan } from '@/graph/neo4j/migrations';
import { RELATIONSHIP_TYPES } from '@/graph/core/model';
import { closedPort, startUnauthorizedBoltServer, type FakeBoltServer } from '../fixtures/fake-bolt-server';

const run = promisify(execFile);

function config(uri: string): Neo4jStoreConfig {
  return { kind: 'neo4j', uri, user: 'neo4j', password: 'wrong-password', connectionTimeoutMs: 2000 };
}

/** A driver error as the driver builds it from a server FAILURE (status fields are irrelevant here). */
function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception');
}

describe('mapDriverError', () => {
  const cfg = config('bolt://db.example:7687');

  it('maps availability failures to StoreUnavailableError', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']) {
      const e = mapDriverError(driverError('down', code), cfg, 'LIST_RELATIONSHIPS');
      expect(e).toBeInstanceOf(StoreUnavailableError);
      expect(e.code).toBe('STORE_UNAVAILABLE');
    }
  });

  it('maps refused credentials and a missing database to StoreUnavailableError naming what to check', () => {
    const auth = mapDriverError(driverError('no', 'Neo.ClientError.Security.Unauthorized'), cfg);
    expect(auth).toBeInstanceOf(StoreUnavailableError);
    expect(auth.message).toContain('NEO4J_PASSWORD');
    const db = mapDriverError(driverError('no', 'Neo.ClientError.Database.DatabaseNotFound'), { ...cfg, database: 'steppe' });
    expect(db).toBeInstanceOf(StoreUnavailableError);
    expect(db.message).toContain('steppe');
  });

  it('maps a uniqueness violation to ConflictError', () => {
    const e = mapDriverError(driverError('exists', 'Neo.ClientError.Schema.ConstraintValidationFailed'), cfg);
    expect(e).toBeInstanceOf(ConflictError);
  });

  it('wraps other errors by statement name, never quoting the Cypher or the server message', () => {
    const serverMessage = `Invalid input 'RETRUN': ${LIST_RELATIONSHIPS}`;
    const e = mapDriverError(driverError(serverMessage, 'Neo.ClientError.Statement.SyntaxError'), cfg, 'LIST_RELATIONSHIPS');
    expect(e).toBeInstanceOf(Neo4jQueryError);
    expect(e.code).toBe('INTERNAL_SERVER_ERROR');
    expect(e.message).toContain('LIST_RELATIONSHIPS');
    expect(e.message).not.toContain('MATCH');
    expect(e.message).not.toContain('RETRUN');
  });

  it('passes Steppe errors through unchanged', () => {
    const original = new NotFoundError('Actor', 'x');
    expect(mapDriverError(original, cfg)).toBe(original);
  });
});

describe('server versions and migrations', () => {
  it('reads server versions, including calendar versions', () => {
    expect(parseServerVersion('4.4.30')).toMatchObject({ major: 4, minor: 4 });
    expect(parseServerVersion('2025.01.0')).toMatchObject({ major: 2025, minor: 1 });
    expect(() => parseServerVersion('dev')).toThrow(StoreUnavailableError);
    expect(supportsRelationshipUniqueness({ major: 5, minor: 6 })).toBe(false);
    expect(supportsRelationshipUniqueness({ major: 5, minor: 7 })).toBe(true);
    expect(supportsRelationshipUniqueness({ major: 2025, minor: 1 })).toBe(true);
  });

  it('uses relationship-id indexes on 4.4 and 5.6, constraints from 5.7, and the 5.x full-text syntax only on 5', () => {
    const on44 = migrationPlan({ major: 4, minor: 4 }).map((s) => s.cypher);
    expect(on44.filter((c) => /^CREATE INDEX steppe_rel_id_\w+ IF NOT EXISTS FOR \(\)-\[r:\w+\]-\(\) ON \(r\.id\)$/.test(c))).toHaveLength(RELATIONSHIP_TYPES.length);
    expect(on44.some((c) => c.includes('REQUIRE r.id IS UNIQUE'))).toBe(false);
    expect(on44.some((c) => c.includes('FULLTEXT'))).toBe(false);
    const on56 = migrationPlan({ major: 5, minor: 6 }).map((s) => s.cypher);
    expect(on56.some((c) => c.includes('REQUIRE r.id IS UNIQUE'))).toBe(false);
    expect(on56.some((c) => c.startsWith('CREATE FULLTEXT INDEX'))).toBe(true);
    const on57 = migrationPlan({ major: 5, minor: 7 }).map((s) => s.cypher);
    expect(on57.filter((c) => c.includes('REQUIRE r.id IS UNIQUE'))).toHaveLength(RELATIONSHIP_TYPES.length);
  });
});

describe('connecting through the real driver (no Neo4j needed)', () => {
  let fake: FakeBoltServer;
  beforeAll(async () => {
    fake = await startUnauthorizedBoltServer();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('an unreachable server fails fast with StoreUnavailableError', async () => {
    const started = Date.now();
    const error = await openNeo4jStore(config(`bolt://127.0.0.1:${await closedPort()}`)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a refused login fails with StoreUnavailableError naming the credentials', async () => {
    const error = await openNeo4jStore(config(fake.uri)).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error?.message).toContain('rejected the credentials for user "neo4j"');
  });

  for (const script of ['db-migrate', 'db-load']) {
    it(`${script} prints one line and exits 1 on a wrong password and on an unreachable server`, async () => {
      for (const uri of [fake.uri, `bolt://127.0.0.1:${await closedPort()}`]) {
        const outcome = await run('npx', ['tsx', `scripts/${script}.ts`], {
          env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: 'wrong', NEO4J_TIMEOUT_MS: '2000', STEPPE_DATASET_DIR: 'tests/fixtures/no-dataset-here' },
          timeout: 60_000,
        }).then(
          () => ({ code: 0, stderr: '' }),
          (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
        );
        expect(outcome.code).toBe(1);
        const lines = outcome.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
        expect(lines, outcome.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^db:(migrate|load): `));
        expect(outcome.stderr).not.toMatch(/\n\s+at /); // no stack trace
      }
    }, 120_000);
  }
});
