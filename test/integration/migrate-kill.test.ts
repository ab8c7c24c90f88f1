import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from '../../src/db/client.js';
import { findMigrationCheckpoint } from '../../src/db/queries/migration-checkpoint.js';
import { silentLogger } from '../../src/lib/log.js';
import { openLegacySource } from '../../src/pipeline/migrate/legacy-source.js';
import { mapLegacyRow } from '../../src/pipeline/migrate/map-legacy-row.js';
import { collectCliResult, runCli, startCli } from '../helpers/run-cli.js';
import { STORE_KINDS, createTestStore, type TestStore } from '../helpers/test-store.js';
import { createRepeatedSampleFile } from './migrate-fixtures.js';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-migrate-kill-'));

// PostgreSQL commits a 50-row batch in milliseconds, so it gets a longer file in smaller batches
// for the kills to land mid-run; the embedded store is slow enough with the shorter one.
const RUN_SHAPE = {
  embedded: { copies: 4, batchSize: 100 },
  postgres: { copies: 10, batchSize: 50 },
} as const;

/** The legacy ids that must end up in job_post: every row the mapper accepts (the file has no duplicate URLs). */
function expectedLegacyIds(legacyFile: string): number[] {
  const source = openLegacySource(legacyFile, 'jobs_data');
  const ids: number[] = [];
  for (const row of source.iterateRowsAfter(0)) {
    if ('posting' in mapLegacyRow(row)) {
      ids.push(row.id);
    }
  }
  source.close();
  return ids;
}

type KillPoint = { afterBatches: number } | { afterMs: number };

/** Starts `nextke migrate` and kills it with SIGKILL at `point`; returns whether the kill landed before it exited. */
async function migrateAndKill(migrateArgs: readonly string[], env: Record<string, string>, point: KillPoint): Promise<boolean> {
  const child = startCli(['--verbose', 'migrate', ...migrateArgs], { env });
  let batches = 0;

  child.stderr?.on('data', (chunk: Buffer) => {
    batches += chunk.toString('utf8').split('batch committed').length - 1;
    if ('afterBatches' in point && batches >= point.afterBatches) {
      child.kill('SIGKILL');
    }
  });
  const timer = 'afterMs' in point ? setTimeout(() => child.kill('SIGKILL'), point.afterMs) : undefined;

  const result = await collectCliResult(child);
  clearTimeout(timer);
  // A run may finish before its kill point; then the next runs find nothing left, which is also correct.
  expect([0, null]).toContain(result.exitCode);
  return result.signal === 'SIGKILL';
}

describe.each(STORE_KINDS)('nextke migrate killed with SIGKILL [%s]', (kind) => {
  let testStore: TestStore | undefined;

  afterAll(async () => {
    await testStore?.dispose();
  });

  it('ends with exactly the valid rows after kills at several points', async () => {
    const { copies, batchSize } = RUN_SHAPE[kind];
    const legacyFile = createRepeatedSampleFile(path.join(workDir, `legacy-${kind}.sqlite`), copies);
    const rowCount = copies * 600;
    const migrateArgs = ['--from', legacyFile, '--batch-size', String(batchSize), '--rejects', path.join(workDir, `rejects-${kind}.jsonl`)];
    testStore = await createTestStore(kind);
    // The embedded store admits one process at a time: the CLI opens it after this closes.
    await testStore.store.close();
    const env = testStore.env;

    let batchKills = 0;
    for (const afterBatches of [1, 3, 6]) {
      batchKills += (await migrateAndKill(migrateArgs, env, { afterBatches })) ? 1 : 0;
    }
    // The file takes 24 batches or more, and these kills come after at most 10 of them plus those in flight.
    expect(batchKills).toBe(3);
    await migrateAndKill(migrateArgs, env, { afterMs: 2_500 });

    const final = await runCli(['--json', 'migrate', ...migrateArgs], { env });
    expect(final.exitCode).toBe(0);
    expect(JSON.parse(final.stdout).details.lastLegacyId).toBe(rowCount);

    const store = await openStore(testStore.config, { log: silentLogger });
    try {
      const ids = await store.db.selectFrom('job_post').select('legacy_id').orderBy('legacy_id').execute();
      expect(ids.map((row) => Number(row.legacy_id))).toEqual(expectedLegacyIds(legacyFile));

      const urls = await sql<{ total: string; distinct_urls: string }>`select count(*) as total, count(distinct url) as distinct_urls from job_post`.execute(store.db);
      expect(urls.rows[0]?.total).toBe(urls.rows[0]?.distinct_urls);

      const checkpoint = await findMigrationCheckpoint(store.db, `${legacyFile}#jobs_data`);
      // Each copy of the sample carries its one over-long URL.
      expect(checkpoint).toMatchObject({ lastLegacyId: rowCount, rowsRead: rowCount, rowsInserted: rowCount - copies, rowsRejected: copies });
      expect(checkpoint?.finishedAt).not.toBeNull();
    } finally {
      await store.close();
    }
  }, 300_000);
});
