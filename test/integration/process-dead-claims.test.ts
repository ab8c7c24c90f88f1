import os from 'node:os';

import { sql } from 'kysely';
import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import { parseLocalOwnerPid, releaseDeadLocalClaims } from '../../src/pipeline/process/release-dead-local-claims.js';
import { runProcess } from '../../src/pipeline/process/run-process.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { describeEachStore } from '../helpers/test-store.js';

// Far above any pid_max, so no process on this host has it.
const DEAD_PID = 2_000_000_000;
const HOST = os.hostname();

it('parseLocalOwnerPid reads only this host', () => {
  expect(parseLocalOwnerPid(`${HOST}:123:abcd`, HOST)).toBe(123);
  expect(parseLocalOwnerPid(`other-host:123:abcd`, HOST)).toBeUndefined();
  expect(parseLocalOwnerPid(`${HOST}:x1:abcd`, HOST)).toBeUndefined();
  expect(parseLocalOwnerPid(`${HOST}:123`, HOST)).toBeUndefined();
  expect(parseLocalOwnerPid('stale', HOST)).toBeUndefined();
});

describeEachStore('releaseDeadLocalClaims', (getStore) => {
  it('frees only claims of dead local runs', async () => {
    const { db } = getStore().store;
    const owners = {
      dead: `${HOST}:${DEAD_PID}:dead0001`,
      alive: `${HOST}:${process.pid}:live0001`,
      remote: `another-host:${DEAD_PID}:far00001`,
    };
    for (const [name, owner] of Object.entries(owners)) {
      await db
        .insertInto('job_post')
        .values({ source: 'example.org', url: `https://example.org/jobs/${name}`, url_hash: name, claimed_by: owner })
        .execute();
    }
    await sql`update job_post set claimed_until = now() + interval '1 hour'`.execute(db);

    const released = await releaseDeadLocalClaims(db, silentLogger);

    expect(released).toBe(1);
    const rows = await db.selectFrom('job_post').select(['url_hash', 'claimed_by', 'claimed_until']).orderBy('url_hash').execute();
    const byName = new Map(rows.map((row) => [row.url_hash, row]));
    expect(byName.get('dead')?.claimed_by).toBeNull();
    expect(byName.get('dead')?.claimed_until).toBeNull();
    expect(byName.get('alive')?.claimed_by).toBe(owners.alive);
    expect(byName.get('remote')?.claimed_by).toBe(owners.remote);
  });

  it('lets runProcess take a dead run batch', async () => {
    const { store } = getStore();
    const owner = `${HOST}:${DEAD_PID}:dead0002`;
    await store.db
      .insertInto('job_post')
      .values({ source: 'example.org', url: 'https://example.org/jobs/left-by-a-killed-run', url_hash: 'killed', title_raw: 'Accountant', description_raw: 'Keep the books.', claimed_by: owner })
      .execute();
    await sql`update job_post set claimed_until = now() + interval '1 hour' where url_hash = 'killed'`.execute(store.db);
    const ctx = { config: loadConfig({ env: {}, cwd: REPO_ROOT }), store, log: silentLogger, progress: silentProgress, signal: new AbortController().signal };

    const report = await runProcess(ctx, { batchSize: 10, workers: 0 });

    expect(report.counts.processed).toBeGreaterThanOrEqual(1);
    const row = await store.db.selectFrom('job_post').select(['processed_at', 'claimed_by']).where('url_hash', '=', 'killed').executeTakeFirstOrThrow();
    expect(row.processed_at).not.toBeNull();
    expect(row.claimed_by).toBeNull();
  });
});
