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
const legacyFile = createRepeatedSampleFile(path.join(workDir, 'legacy.sqlite'), 4);

/** The legacy ids that must end up in job_post: every row the mapper accepts (the file has no duplicate URLs). */
function expectedLegacyIds(): number[] {
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
async function migrateAndKill(env: Record<string, string>, point: KillPoint): Promise<boolean> {
  const child = startCli(['--verbose', 'migrate', '--from', legacyFile, '--batch-size', '100', '--rejects', path.join(workDir, 'rejects.jsonl')], { env });
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
    testStore = await createTestStore(kind);
    // The embedded store admits one process at a time: the CLI opens it after this closes.
    await testStore.store.close();
    const env = testStore.env;

    let kills = 0;
    for (const point of [{ afterBatches: 1 }, { afterBatches: 3 }, { afterMs: 2_500 }, { afterBatches: 5 }] satisfies KillPoint[]) {
      kills += (await migrateAndKill(env, point)) ? 1 : 0;
    }
    // 24 batches of 100 rows and at most 9 committed before the last batch-counted kill: three kills must land mid-run.
    expect(kills).toBeGreaterThanOrEqual(3);
    const final = await runCli(['--json', 'migrate', '--from', legacyFile, '--batch-size', '100', '--rejects', path.join(workDir, 'rejects.jsonl')], { env });
    expect(final.exitCode).toBe(0);
    expect(JSON.parse(final.stdout).details.lastLegacyId).toBe(2400);

    const store = await openStore(testStore.config, { log: silentLogger });
    try {
      const ids = await store.db.selectFrom('job_post').select('legacy_id').orderBy('legacy_id').execute();
      expect(ids.map((row) => Number(row.legacy_id))).toEqual(expectedLegacyIds());

      const urls = await sql<{ total: string; distinct_urls: string }>`select count(*) as total, count(distinct url) as distinct_urls from job_post`.execute(store.db);
      expect(urls.rows[0]?.total).toBe(urls.rows[0]?.distinct_urls);

      const checkpoint = await findMigrationCheckpoint(store.db, `${legacyFile}#jobs_data`);
      expect(checkpoint).toMatchObject({ lastLegacyId: 2400, rowsRead: 2400, rowsInserted: 2396, rowsRejected: 4 });
      expect(checkpoint?.finishedAt).not.toBeNull();
    } finally {
      await store.close();
    }
  }, 300_000);
});
