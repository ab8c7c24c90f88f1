import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface DaemonBeat {
  daemonId: string;
  host: string;
  pid: number;
  startedAt: Date;
  /** Next fire time of each schedule, as ISO strings, keyed by schedule name. */
  nextRuns: Record<string, string | null>;
}

/** Inserts or refreshes a daemon's heartbeat row, stamped now. */
export async function upsertDaemonHeartbeat(db: Kysely<Database>, beat: DaemonBeat): Promise<void> {
  const now = new Date();
  const nextRuns = JSON.stringify(beat.nextRuns);

  await db
    .insertInto('daemon_heartbeat')
    .values({ daemon_id: beat.daemonId, host: beat.host, pid: beat.pid, started_at: beat.startedAt, beat_at: now, next_runs: nextRuns })
    .onConflict((oc) => oc.column('daemon_id').doUpdateSet({ beat_at: now, next_runs: nextRuns, started_at: beat.startedAt }))
    .execute();
}

/** Deletes a daemon's heartbeat row, so `nextke status` stops listing it at once. */
export async function deleteDaemonHeartbeat(db: Kysely<Database>, daemonId: string): Promise<void> {
  await db.deleteFrom('daemon_heartbeat').where('daemon_id', '=', daemonId).execute();
}
