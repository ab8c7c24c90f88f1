import type { Kysely } from 'kysely';

import type { Database, WorkflowRunRow, WorkflowStageRow } from '../schema.js';

export interface RunWithStages extends WorkflowRunRow {
  stageRows: WorkflowStageRow[];
}

/** Finds the latest workflow runs, newest first, each with its stages in order. */
export async function findRecentRuns(db: Kysely<Database>, limit: number): Promise<RunWithStages[]> {
  const runs = await db.selectFrom('workflow_run').selectAll().orderBy('id', 'desc').limit(limit).execute();
  if (runs.length === 0) {
    return [];
  }

  const stages = await db
    .selectFrom('workflow_stage')
    .selectAll()
    .where(
      'run_id',
      'in',
      runs.map((run) => run.id),
    )
    .orderBy('run_id')
    .orderBy('position')
    .execute();

  return runs.map((run) => ({ ...run, stageRows: stages.filter((stage) => stage.run_id === run.id) }));
}

/** Finds daemons whose heartbeat is newer than `maxAgeMs`. */
export async function findLiveDaemons(db: Kysely<Database>, maxAgeMs: number) {
  return db
    .selectFrom('daemon_heartbeat')
    .selectAll()
    .where('beat_at', '>', new Date(Date.now() - maxAgeMs))
    .orderBy('beat_at', 'desc')
    .execute();
}
