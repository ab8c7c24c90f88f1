/**
 * Opens the database a command works on: PostgreSQL through a `pg` pool when a server is
 * configured, otherwise the embedded store (PGlite in a data folder), with the same Kysely
 * types and the same migrations, applied on open. Each driver is imported only when its kind
 * of store is opened, so a process that uses one never loads the other.
 */
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import type pg from 'pg';

import type { DatabaseConfig } from '../config/load-config.js';
import { DependencyUnavailableError, redactUrl } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { acquireEmbeddedLock, type EmbeddedLock } from './embedded-lock.js';
import { ensureSchemaIsCurrent, type SchemaState } from './migrate-schema.js';
import type { Database } from './schema.js';
import { yieldToEventLoop } from './yield-to-event-loop.js';

// PGlite parses int8, numeric and date differently from `pg`; these parsers make both stores
// return the same JavaScript values (strings for all three), so code and tests see one shape.
const PGLITE_PARSERS = {
  20: (value: string) => value,
  1700: (value: string) => value,
  1082: (value: string) => value,
};

export type StoreKind = 'postgres' | 'embedded';

type PgModule = typeof pg;

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Location of the data, with the password masked: safe to print. */
  location: string;
  schema: SchemaState;
  /** The pg pool, for COPY and advisory locks; undefined on the embedded store. */
  pool?: pg.Pool;
  /** The PGlite instance; undefined on PostgreSQL. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  log: Logger;
  /** Apply pending schema migrations (default true). */
  shouldMigrate?: boolean;
  /** Create the PostgreSQL database when it does not exist (default true). */
  shouldCreateDatabase?: boolean;
  maxConnections?: number;
  /** Queries slower than this are logged as warnings. */
  slowQueryMs?: number;
}

const CONNECT_TIMEOUT_MS = 5_000;

/** Opens and migrates the configured store. Throws DependencyUnavailableError (exit 4) when a server cannot be reached. */
export async function openStore(config: DatabaseConfig, options: OpenStoreOptions): Promise<Store> {
  const store = config.kind === 'postgres' ? await openPostgres(config, options) : await openEmbedded(config.dataDir, options);

  try {
    if (options.shouldMigrate ?? true) {
      store.schema = await ensureSchemaIsCurrent(store.db);
      if (store.schema.appliedNow.length > 0) {
        options.log.info('schema migrated', { applied: store.schema.appliedNow });
      }
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Imports `pg` and sets its date parser, which is global to the module: every pool and client of the process uses it. */
async function loadPg(): Promise<PgModule> {
  const { default: pg } = await import('pg');

  // numeric and bigint come back as strings by default; int8 counts are parsed by callers.
  // date columns stay strings ('YYYY-MM-DD') so that a date never shifts with the local time zone.
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  return pg;
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>, options: OpenStoreOptions): Promise<Store> {
  const pg = await loadPg();
  if (options.shouldCreateDatabase ?? true) {
    await ensureDatabaseExists(pg, config, options.log);
  }

  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'nextke',
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node exits.
  pool.on('error', (error) => options.log.warn('idle database connection failed', { error: error.message }));

  await checkConnection(pool, config);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: createQueryLogger(options) });
  return {
    db,
    kind: 'postgres',
    location: config.displayUrl,
    schema: { applied: [], pending: [], appliedNow: [] },
    pool,
    close: () => db.destroy(),
  };
}

async function openEmbedded(dataDir: string, options: OpenStoreOptions): Promise<Store> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');

  const isInMemory = dataDir.startsWith('memory://');
  const lock: EmbeddedLock | null = isInMemory ? null : acquireEmbeddedLock(dataDir, options.log);

  let pglite: PGlite;
  try {
    pglite = await PGlite.create(isInMemory ? undefined : dataDir, { parsers: PGLITE_PARSERS });
  } catch (error) {
    lock?.release();
    throw new DependencyUnavailableError(`embedded store ${dataDir} could not be opened`, {
      cause: error,
      hint: 'check that the folder is readable and writable and was written by PGlite; move it aside to start afresh',
    });
  }

  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), log: createQueryLogger(options), plugins: [yieldToEventLoop] });
  return {
    db,
    kind: 'embedded',
    location: dataDir,
    schema: { applied: [], pending: [], appliedNow: [] },
    pglite,
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) {
          await pglite.close();
        }
      } finally {
        lock?.release();
      }
    },
  };
}

async function checkConnection(pool: pg.Pool, config: Extract<DatabaseConfig, { kind: 'postgres' }>): Promise<void> {
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachableError(config, error);
  }
}

/** Creates the configured database when the server reports that it does not exist (SQLSTATE 3D000). */
async function ensureDatabaseExists(pg: PgModule, config: Extract<DatabaseConfig, { kind: 'postgres' }>, log: Logger): Promise<void> {
  const probe = new pg.Client({ connectionString: config.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') {
      throw unreachableError(config, error);
    }
  } finally {
    await probe.end().catch(() => undefined);
  }

  const adminUrl = new URL(config.url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await admin.connect();
    await admin.query(`create database ${quoteIdentifier(config.database)}`);
    log.info('database created', { database: config.database, host: config.host, port: config.port });
  } catch (error) {
    // Another process may have created it between the probe and here (SQLSTATE 42P04).
    if ((error as { code?: string }).code !== '42P04') {
      throw new DependencyUnavailableError(`database ${config.database} does not exist on ${config.host}:${config.port} and could not be created`, {
        cause: error,
        hint: `create it with: createdb -h ${config.host} -p ${config.port} -U ${config.user} ${config.database}`,
      });
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function unreachableError(config: Extract<DatabaseConfig, { kind: 'postgres' }>, error: unknown): DependencyUnavailableError {
  const code = (error as { code?: string }).code;
  const reason = redactUrl(error instanceof Error ? error.message : String(error));
  return new DependencyUnavailableError(`database at ${config.host}:${config.port} is unreachable: ${reason}`, {
    cause: error,
    context: { host: config.host, port: config.port, database: config.database, code },
    hint:
      code === '28P01' || code === '28000'
        ? `check the user ${config.user} and its password (DATABASE_URL or POSTGRES_USER/POSTGRES_PASSWORD)`
        : `check that PostgreSQL is running and listening on ${config.host}:${config.port} (pg_isready -h ${config.host} -p ${config.port}), and DATABASE_URL`,
  });
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function createQueryLogger(options: OpenStoreOptions): ((event: LogEvent) => void) | undefined {
  const slowQueryMs = options.slowQueryMs ?? 2_000;
  const log = options.log.child({ component: 'db' });

  return (event: LogEvent) => {
    const durationMs = Math.round(event.queryDurationMillis);
    if (event.level === 'error') {
      log.debug('query failed', { sql: event.query.sql, durationMs, error: event.error });
      return;
    }
    if (durationMs >= slowQueryMs) {
      log.warn('slow query', { sql: event.query.sql.slice(0, 300), durationMs });
    } else if (log.isEnabled('debug')) {
      log.debug('query', { sql: event.query.sql.slice(0, 300), durationMs });
    }
  };
}
