import type { Kysely } from 'kysely';

import type { Database, WorkflowStageRow } from '../schema.js';

export interface StageOutcome {
  status: string;
  durationMs: number;
  counts: Record<string, number>;
  error: string | null;
  details: Record<string, unknown>;
}

/** Inserts one `pending` row per planned stage, in order, so the run record shows the whole plan. */
export async function insertPlannedStages(db: Kysely<Database>, runId: string, stages: readonly string[]): Promise<void> {
  if (stages.length === 0) {
    return;
  }

  await db
    .insertInto('workflow_stage')
    .values(stages.map((name, position) => ({ run_id: runId, name, position, status: 'pending' })))
    .execute();
}

/** Marks a stage `running` and stamps its start time. */
export async function markStageRunning(db: Kysely<Database>, runId: string, name: string): Promise<void> {
  await db
    .updateTable('workflow_stage')
    .set({ status: 'running', started_at: new Date() })
    .where('run_id', '=', runId)
    .where('name', '=', name)
    .execute();
}

/** Records a stage's final status, counts, error and details, and stamps its finish time. */
export async function finishStage(db: Kysely<Database>, runId: string, name: string, outcome: StageOutcome): Promise<void> {
  await db
    .updateTable('workflow_stage')
    .set({
      status: outcome.status,
      finished_at: new Date(),
      duration_ms: Math.round(outcome.durationMs),
      counts: JSON.stringify(outcome.counts),
      error: outcome.error,
      details: JSON.stringify(outcome.details),
    })
    .where('run_id', '=', runId)
    .where('name', '=', name)
    .execute();
}

/** Finds a run's stages in planned order. */
export async function findRunStages(db: Kysely<Database>, runId: string): Promise<WorkflowStageRow[]> {
  return db.selectFrom('workflow_stage').selectAll().where('run_id', '=', runId).orderBy('position').execute();
}
