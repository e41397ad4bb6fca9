/**
 * The one place that talks to the Neo4j driver: it owns the driver, opens a
 * session per unit of work and runs read or write transaction functions
 * (the driver retries transient failures). Driver errors leave here as
 * Steppe errors that name the statement but never quote Cypher.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ConflictError, SteppeError, StoreUnavailableError } from '../core/errors';
import type { Neo4jStoreConfig } from '../config';
import { SERVER_COMPONENTS, statementName } from './cypher';

export type Row = Record<string, unknown>;

/** What transaction functions get: run one statement, receive plain rows. */
export interface QueryRunner {
  run(cypher: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** Units of work in read or write transactions: what the store needs from an executor. */
export interface TransactionExecutor {
  read<T>(work: (q: QueryRunner) => Promise<T>): Promise<T>;
  write<T>(work: (q: QueryRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A query failed for a reason other than availability or a constraint: a bug or a server-side problem. */
export class Neo4jQueryError extends SteppeError {
  readonly code = 'INTERNAL_SERVER_ERROR' as const;
  constructor(
    readonly statement: string,
    readonly neo4jCode: string,
  ) {
    super(`Neo4j statement ${statement} failed (${neo4jCode})`);
  }
}

export interface ServerVersion {
  /** As reported by the server, e.g. `5.26.0`, `4.4.30` or `2025.01.0`. */
  version: string;
  major: number;
  minor: number;
  edition: string;
}

/** Relationship property uniqueness constraints exist from Neo4j 5.7. */
export function supportsRelationshipUniqueness(v: Pick<ServerVersion, 'major' | 'minor'>): boolean {
  return v.major > 5 || (v.major === 5 && v.minor >= 7);
}

export function parseServerVersion(version: string, edition = 'unknown'): ServerVersion {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) throw new StoreUnavailableError(`Neo4j reported a version Steppe cannot read ("${version}")`);
  return { version, major: Number(m[1]), minor: Number(m[2]), edition };
}

/** SKIP/LIMIT and other integer parameters must be sent as Neo4j integers, not floats. */
export function int(n: number) {
  return neo4j.int(n);
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.AuthorizationExpired']);
const AUTH_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);

/** Maps anything thrown during a unit of work to a Steppe error. */
export function mapDriverError(error: unknown, config: Pick<Neo4jStoreConfig, 'uri' | 'user' | 'database'>, statement?: string): SteppeError {
  if (error instanceof SteppeError) return error;
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'N/A';
  const message = error instanceof Error ? error.message : String(error);
  if (AUTH_CODES.has(code)) {
    return new StoreUnavailableError(`Neo4j at ${config.uri} rejected the credentials for user "${config.user}" (check NEO4J_USER and NEO4J_PASSWORD)`);
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreUnavailableError(`Neo4j at ${config.uri} has no database "${config.database ?? '(default)'}" (check NEO4J_DATABASE)`);
  }
  if (UNAVAILABLE_CODES.has(code) || code.includes('TransientError') || /acquisition timed out|Failed to establish connection|connect ECONNREFUSED|getaddrinfo/i.test(message)) {
    return new StoreUnavailableError(`Neo4j at ${config.uri} is unavailable (${code === 'N/A' ? 'connection failed' : code})`);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write clashes with a uniqueness constraint in Neo4j (a concurrent write may have created the same record)');
  }
  return new Neo4jQueryError(statement ?? 'connection', code);
}

/** Plain JS values from a driver record (integers arrive as numbers: see `disableLosslessIntegers`). */
function toRows(records: { toObject(): Row }[]): Row[] {
  return records.map((r) => r.toObject());
}

export class Neo4jExecutor implements TransactionExecutor {
  private constructor(
    private readonly driver: Driver,
    private readonly config: Neo4jStoreConfig,
  ) {}

  /** Creates the driver (no I/O yet). */
  static create(config: Neo4jStoreConfig): Neo4jExecutor {
    const timeout = config.connectionTimeoutMs;
    // One budget for everything that waits on an absent server: opening a socket, acquiring a
    // pooled connection, and the driver's retries. A refused connection is retriable: the driver
    // waits ~1 s (±20 %), then 2 s, 4 s… and retries while less than maxTransactionRetryTime has
    // passed since the first failure, so half the budget allows one retry after about a second
    // and no more: with the default 1 s a stopped server gives STORE_UNAVAILABLE in about 1 s
    // (a full budget would sometimes allow a second retry, at ~3 s). neo4j-driver 6 sets TCP_NODELAY.
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: timeout,
      connectionAcquisitionTimeout: timeout,
      maxTransactionRetryTime: Math.floor(timeout / 2),
      disableLosslessIntegers: true,
      userAgent: 'steppe',
    });
    return new Neo4jExecutor(driver, config);
  }

  /** Connects, authenticates and reads the server version. Throws StoreUnavailableError. */
  async connect(): Promise<ServerVersion> {
    try {
      await this.driver.getServerInfo({ database: this.config.database });
    } catch (e) {
      throw mapDriverError(e, this.config);
    }
    const rows = await this.read((q) => q.run(SERVER_COMPONENTS));
    if (!rows.length) throw new StoreUnavailableError('Neo4j did not report its version');
    return parseServerVersion(String(rows[0].version), String(rows[0].edition));
  }

  read<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.unitOfWork('READ', work);
  }

  write<T>(work: (q: QueryRunner) => Promise<T>): Promise<T> {
    return this.unitOfWork('WRITE', work);
  }

  /** Runs one statement outside a transaction function (schema commands cannot share a transaction with writes). */
  async runAutoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return toRows((await session.run(cypher, params)).records);
    } catch (e) {
      throw mapDriverError(e, this.config, statementName(cypher));
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async unitOfWork<T>(mode: 'READ' | 'WRITE', work: (q: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    // The statement named in errors: the first that failed, else the last sent (statements may be pipelined).
    let failed: string | undefined;
    let current: string | undefined;
    const inTransaction = (tx: ManagedTransaction) => {
      failed = undefined; // a retry starts afresh
      return work({
        run: async (cypher, params = {}) => {
          current = statementName(cypher);
          try {
            return toRows((await tx.run(cypher, params)).records);
          } catch (e) {
            failed ??= statementName(cypher);
            throw e;
          }
        },
      });
    };
    try {
      return await (mode === 'READ' ? session.executeRead(inTransaction) : session.executeWrite(inTransaction));
    } catch (e) {
      throw mapDriverError(e, this.config, failed ?? current);
    } finally {
      await session.close().catch(() => undefined);
    }
  }
}
