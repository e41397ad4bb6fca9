/**
 * Steppe's configuration, in one typed place. Each value comes from an
 * explicit option first, then an environment variable, then a default.
 */
import path from 'node:path';
import { ConfigError } from './core/errors';

export interface MemoryStoreConfig {
  kind: 'memory';
  /** Directory holding the journal and snapshots. Env `STEPPE_DATA_DIR`, default `./.steppe`. */
  dataDir: string;
}

export interface Neo4jStoreConfig {
  kind: 'neo4j';
  /** Env `NEO4J_URI`, e.g. `bolt://localhost:7687`. Setting it selects Neo4j. */
  uri: string;
  /** Env `NEO4J_USER`, default `neo4j`. */
  user: string;
  /** Env `NEO4J_PASSWORD`. */
  password: string;
  /** Env `NEO4J_DATABASE`; unset uses the server's default database. */
  database?: string;
  /** Env `NEO4J_TIMEOUT_MS`, default 1000: the budget for connecting, acquiring a connection and retrying before STORE_UNAVAILABLE. */
  connectionTimeoutMs: number;
}

export interface ApiLimits {
  /** Env `STEPPE_MAX_DEPTH`, default 8: deepest selection nesting. */
  maxQueryDepth: number;
  /** Env `STEPPE_MAX_COST`, default 5000: estimated cost per operation. */
  maxQueryCost: number;
  /** Largest `first`/`limit` a list accepts. Fixed at 500. */
  maxPageSize: number;
  /** Env `STEPPE_MAX_BODY_BYTES`, default 100000. */
  maxBodyBytes: number;
  /** Env `STEPPE_MAX_ALIASES`, default 30: aliased fields per operation. */
  maxAliases: number;
  /**
   * Env `STEPPE_MAX_ADMIN_BODY_BYTES`, default 8000000: the body limit for
   * requests carrying the admin token, so a 5 MB source file fits as base64
   * (evidence intake); everyone else keeps `maxBodyBytes`.
   */
  maxAdminBodyBytes: number;
  /** Env `STEPPE_HUB_PAGE_SIZE`, default 25 (1–500): relationships an expanded hub shows per page. */
  hubPageSize: number;
}

export interface SteppeConfig {
  store: MemoryStoreConfig | Neo4jStoreConfig;
  /** Env `STEPPE_ADMIN_TOKEN`: one unnamed admin token (its writes are logged as by "api"). */
  adminToken?: string;
  /**
   * Env `STEPPE_ADMIN_TOKENS=name:token,name:token`: named admin tokens, so the
   * change log records who made each change. With neither variable set the API is read-only.
   */
  adminTokens: AdminToken[];
  /** Directory of the bundled dataset (sources/actors/relationships .jsonl). Env `STEPPE_DATASET_DIR`, default `./data`. */
  datasetDir: string;
  /**
   * Where each source text's intake analysis is kept across restarts (one file
   * per source). Env `STEPPE_INTAKE_DIR`; default `<dataDir>/intake` for the
   * embedded store, `./.steppe/intake` with Neo4j.
   */
  intakeDir: string;
  /** Load the bundled dataset into an empty embedded store at start. Env `STEPPE_LOAD_DATASET` (`0` disables), default true. */
  loadDatasetWhenEmpty: boolean;
  /** Env `NODE_ENV`; anything but `production` shows error details for debugging. */
  production: boolean;
  /**
   * Env `STEPPE_PUBLIC_URL`, e.g. `https://steppe.example.org`: the address
   * readers reach this server at, used for absolute links in shared-map
   * previews (OpenGraph images). Unset: Next.js falls back to localhost.
   */
  publicUrl?: string;
  limits: ApiLimits;
}

export interface AdminToken {
  name: string;
  token: string;
}

export type ConfigOptions = {
  store?: Partial<MemoryStoreConfig> | Partial<Neo4jStoreConfig>;
  adminToken?: string;
  adminTokens?: AdminToken[];
  datasetDir?: string;
  intakeDir?: string;
  loadDatasetWhenEmpty?: boolean;
  production?: boolean;
  publicUrl?: string;
  limits?: Partial<ApiLimits>;
};

type Env = Record<string, string | undefined>;

const TOKEN_NAME = /^[a-z0-9][a-z0-9_.-]{0,39}$/;

/** `name:token,name:token` → named tokens; names are lower-case slugs, each name and token used once. */
function adminTokensFrom(raw: string | undefined): AdminToken[] {
  if (!raw?.trim()) return [];
  const out: AdminToken[] = [];
  for (const part of raw.split(',')) {
    const colon = part.indexOf(':');
    const name = part.slice(0, colon).trim();
    const token = part.slice(colon + 1).trim();
    if (colon < 1 || !TOKEN_NAME.test(name) || !token) throw new ConfigError('STEPPE_ADMIN_TOKENS must be name:token pairs separated by commas, names of lower-case letters, digits, "_", "." or "-"');
    if (out.some((t) => t.name === name || t.token === token)) throw new ConfigError(`STEPPE_ADMIN_TOKENS repeats the name or token of "${name}"`);
    out.push({ name, token });
  }
  return out;
}

/**
 * A data directory as an absolute path (relative ones from the working
 * directory). It is chosen at run time, so the ignore tells Next's output tracer
 * not to follow it: it cannot know the directory at build time and would
 * otherwise copy the whole project into the standalone server.
 */
function runtimePath(dir: string): string {
  return path.resolve(/*turbopackIgnore: true*/ dir);
}

function intFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function hubPageSizeFrom(raw: string | undefined): number {
  const n = intFrom('STEPPE_HUB_PAGE_SIZE', raw, 25);
  if (n > 500) throw new ConfigError(`STEPPE_HUB_PAGE_SIZE must be at most 500 (the largest page), got "${raw}"`);
  return n;
}

function publicUrlFrom(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`STEPPE_PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`STEPPE_PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  return url.origin + url.pathname.replace(/\/$/, '');
}

/** Builds the configuration: explicit options, then `env`, then defaults. Throws ConfigError on a bad value. */
export function loadConfig(options: ConfigOptions = {}, env: Env = process.env): SteppeConfig {
  const storeOpt = options.store ?? {};
  const uri = ('uri' in storeOpt ? storeOpt.uri : undefined) ?? env.NEO4J_URI;
  const wantsNeo4j = storeOpt.kind === 'neo4j' || (storeOpt.kind !== 'memory' && !!uri);
  let store: SteppeConfig['store'];
  if (wantsNeo4j) {
    if (!uri) throw new ConfigError('NEO4J_URI is required for the Neo4j store');
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) throw new ConfigError(`NEO4J_URI must start with bolt:// or neo4j://, got "${uri}"`);
    const o = storeOpt as Partial<Neo4jStoreConfig>;
    store = {
      kind: 'neo4j',
      uri,
      user: o.user ?? env.NEO4J_USER ?? 'neo4j',
      password: o.password ?? env.NEO4J_PASSWORD ?? '',
      database: o.database ?? (env.NEO4J_DATABASE || undefined),
      connectionTimeoutMs: o.connectionTimeoutMs ?? intFrom('NEO4J_TIMEOUT_MS', env.NEO4J_TIMEOUT_MS, 1000),
    };
  } else {
    const o = storeOpt as Partial<MemoryStoreConfig>;
    store = { kind: 'memory', dataDir: runtimePath(o.dataDir ?? env.STEPPE_DATA_DIR ?? '.steppe') };
  }
  const l = options.limits ?? {};
  return {
    store,
    adminToken: options.adminToken ?? (env.STEPPE_ADMIN_TOKEN || undefined),
    adminTokens: options.adminTokens ?? adminTokensFrom(env.STEPPE_ADMIN_TOKENS),
    datasetDir: runtimePath(options.datasetDir ?? env.STEPPE_DATASET_DIR ?? 'data'),
    intakeDir: runtimePath(options.intakeDir ?? (env.STEPPE_INTAKE_DIR || path.join(store.kind === 'memory' ? store.dataDir : '.steppe', 'intake'))),
    loadDatasetWhenEmpty: options.loadDatasetWhenEmpty ?? env.STEPPE_LOAD_DATASET !== '0',
    production: options.production ?? env.NODE_ENV === 'production',
    publicUrl: publicUrlFrom(options.publicUrl ?? env.STEPPE_PUBLIC_URL),
    limits: {
      maxQueryDepth: l.maxQueryDepth ?? intFrom('STEPPE_MAX_DEPTH', env.STEPPE_MAX_DEPTH, 8),
      maxQueryCost: l.maxQueryCost ?? intFrom('STEPPE_MAX_COST', env.STEPPE_MAX_COST, 5000),
      maxPageSize: 500,
      maxBodyBytes: l.maxBodyBytes ?? intFrom('STEPPE_MAX_BODY_BYTES', env.STEPPE_MAX_BODY_BYTES, 100_000),
      maxAliases: l.maxAliases ?? intFrom('STEPPE_MAX_ALIASES', env.STEPPE_MAX_ALIASES, 30),
      maxAdminBodyBytes: l.maxAdminBodyBytes ?? intFrom('STEPPE_MAX_ADMIN_BODY_BYTES', env.STEPPE_MAX_ADMIN_BODY_BYTES, 8_000_000),
      hubPageSize: l.hubPageSize ?? hubPageSizeFrom(env.STEPPE_HUB_PAGE_SIZE),
    },
  };
}
