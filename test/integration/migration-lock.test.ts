import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tryLockLegacySource, unlockLegacySource } from '../../src/db/queries/migration-lock.js';
import { createThrowawayDatabase, dropDatabase, TEST_DATABASE_URL } from '../helpers/test-store.js';

// One key whose hashtext() is negative and one whose hash is positive: pg_locks shows the hash as
// an unsigned oid, so both halves of that range are covered. The first test checks the signs.
const SOURCE_KEYS = ['legacy-negative', '/tmp/a.sqlite#jobs_data'];

describe.skipIf(!TEST_DATABASE_URL)('tryLockLegacySource [postgres]', () => {
  let databaseUrl = '';
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    databaseUrl = await createThrowawayDatabase();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await dropDatabase(databaseUrl);
  });

  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    clients.push(client);
    return client;
  }

  it('covers a negative and a positive hash', async () => {
    const client = await connect();
    const hashes = await client.query<{ hash: number }>('select hashtext(key) as hash from unnest($1::text[]) as key', [SOURCE_KEYS]);

    expect(hashes.rows.map((row) => Math.sign(row.hash))).toEqual([-1, 1]);
  });

  it.each(SOURCE_KEYS)('names the session holding %s', async (sourceKey) => {
    const [holder, contender] = [await connect(), await connect()];
    const holderPid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;

    expect(await tryLockLegacySource(holder, sourceKey)).toBeNull();
    const found = await tryLockLegacySource(contender, sourceKey);
    await unlockLegacySource(holder, sourceKey);

    expect(found?.pid).toBe(holderPid);
  });
});
