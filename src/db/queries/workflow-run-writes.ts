import type { Kysely } from 'kysely';

import type { Database, WorkflowRunRow } from '../schema.js';

export interface NewRunRecord {
  trigger: string;
  stages: readonly string[];
  options: Record<string, unknown>;
  host: string;
  pid: number;
  resumedFrom?: string | null;
}

export interface RunOutcome {
  status: string;
  exitCode: number;
  error: string | null;
}

/** Inserts a run in status `running`, started now, and returns its id. */
export async function insertWorkflowRun(db: Kysely<Database>, run: NewRunRecord): Promise<string> {
  const row = await db
    .insertInto('workflow_run')
    .values({
      trigger: run.trigger,
      status: 'running',
      stages: [...run.stages],
      options: JSON.stringify(run.options),
      host: run.host,
      pid: run.pid,
      resumed_from: run.resumedFrom ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a run's final status, exit code and error, and stamps its finish time and duration. */
export async function finishWorkflowRun(db: Kysely<Database>, runId: string, outcome: RunOutcome): Promise<void> {
  const finishedAt = new Date();
  const run = await db.selectFrom('workflow_run').select('started_at').where('id', '=', runId).executeTakeFirstOrThrow();

  await db
    .updateTable('workflow_run')
    .set({
      status: outcome.status,
      exit_code: outcome.exitCode,
      error: outcome.error,
      finished_at: finishedAt,
      duration_ms: finishedAt.getTime() - new Date(run.started_at).getTime(),
    })
    .where('id', '=', runId)
    .execute();
}

/** Finds one run by id, or undefined. */
export async function findWorkflowRun(db: Kysely<Database>, runId: string): Promise<WorkflowRunRow | undefined> {
  return db.selectFrom('workflow_run').selectAll().where('id', '=', runId).executeTakeFirst();
}

/** Finds the newest run, or undefined when there is none. */
export async function findLatestWorkflowRun(db: Kysely<Database>): Promise<WorkflowRunRow | undefined> {
  return db.selectFrom('workflow_run').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Finds the runs still marked `running`, oldest first. */
export async function findRunningWorkflowRuns(db: Kysely<Database>): Promise<WorkflowRunRow[]> {
  return db.selectFrom('workflow_run').selectAll().where('status', '=', 'running').orderBy('id').execute();
}

/**
 * Marks a run and its running stages `interrupted`, with `error` as the reason. Stages that
 * never started stay `pending`, so a resume starts at the interrupted one.
 */
export async function markWorkflowRunInterrupted(db: Kysely<Database>, runId: string, error: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('workflow_stage')
      .set({ status: 'interrupted', error, finished_at: new Date() })
      .where('run_id', '=', runId)
      .where('status', '=', 'running')
      .execute();

    await trx
      .updateTable('workflow_run')
      .set({ status: 'interrupted', error, finished_at: new Date(), exit_code: 130 })
      .where('id', '=', runId)
      .execute();
  });
}
