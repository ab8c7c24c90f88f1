/**
 * Stores for database tests: the embedded store always, and a real PostgreSQL too when
 * TEST_DATABASE_URL is set. Each PostgreSQL store is a throwaway database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config/load-config.js';
import { openStore, type Store, type StoreKind } from '../../src/db/client.js';
import { silentLogger } from '../../src/lib/log.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The store kinds every database test runs against in this environment. */
export const STORE_KINDS: readonly StoreKind[] = TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];

export interface TestStore {
  store: Store;
  config: DatabaseConfig;
  /** Environment variables that point a CLI subprocess at this same database. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * Creates an empty, migrated store. Embedded stores live in a fresh temporary folder (a real
 * file store, so CLI subprocesses can open it after `store.close()`); PostgreSQL ones in a new
 * database named `nextke_test_<random>`.
 */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'embedded') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-test-'));
    const config: DatabaseConfig = { kind: 'embedded', dataDir };
    const store = await openStore(config, { log: silentLogger });
    return {
      store,
      config,
      env: { NEXTKE_DATA_DIR: dataDir, DATABASE_URL: '' },
      dispose: async () => {
        await store.close().catch(() => undefined);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const databaseUrl = await createThrowawayDatabase();
  const config = parseDatabaseUrl(databaseUrl, 'TEST_DATABASE_URL');
  const store = await openStore(config, { log: silentLogger, maxConnections: 6 });
  return {
    store,
    config,
    env: { DATABASE_URL: databaseUrl },
    dispose: async () => {
      await store.close().catch(() => undefined);
      await dropDatabase(databaseUrl);
    },
  };
}

/** Creates a new empty database on the TEST_DATABASE_URL server and returns its URL. */
export async function createThrowawayDatabase(): Promise<string> {
  if (!TEST_DATABASE_URL) {
    throw new Error('TEST_DATABASE_URL is not set');
  }

  const name = `nextke_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }

  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Declares one `describe` block per store kind, each with its own fresh store, created before
 * the block's tests and disposed after them. `getStore()` returns it inside tests.
 */
export function describeEachStore(title: string, body: (getStore: () => TestStore, kind: StoreKind) => void): void {
  for (const kind of STORE_KINDS) {
    describe(`${title} [${kind}]`, () => {
      let testStore: TestStore | undefined;

      beforeAll(async () => {
        testStore = await createTestStore(kind);
      });

      afterAll(async () => {
        await testStore?.dispose();
      });

      body(() => {
        if (!testStore) {
          throw new Error('test store not ready: call getStore() inside a test or hook');
        }
        return testStore;
      }, kind);
    });
  }
}
