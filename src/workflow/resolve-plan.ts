/**
 * Turns workflow options into a plan: the stages to run and their inputs, either fresh from
 * `--stages`/`--from`/`--migrate-from` or taken from the earlier run that `--resume` names.
 */
import path from 'node:path';

import { findLatestWorkflowRun, findWorkflowRun } from '../db/queries/workflow-run-writes.js';
import { findRunStages } from '../db/queries/workflow-stage-writes.js';
import { UsageError } from '../lib/errors.js';
import type { Context } from '../pipeline/context.js';
import { planResumedStages, planStages } from './plan-stages.js';
import type { WorkflowOptions } from './workflow-options.js';
import type { WorkflowPlan } from './workflow-run-report.js';

const RESUMABLE_STATUSES: ReadonlySet<string> = new Set(['failed', 'interrupted']);

/** Resolves the plan. Throws UsageError when `--resume` names no resumable run. */
export async function resolvePlan(ctx: Context, options: WorkflowOptions): Promise<WorkflowPlan> {
  if (options.resumeRunId !== undefined) {
    const resumed = await resolveResumePlan(ctx, options.resumeRunId);
    // An --html given with --resume replaces the recorded one, so a run that failed on a bad report folder can finish.
    return options.htmlDir ? { ...resumed, htmlDir: path.resolve(options.htmlDir) } : resumed;
  }

  const migrateFrom = options.migrateFrom ? path.resolve(options.migrateFrom) : null;
  return {
    stages: planStages({ stages: options.stages, fromStage: options.fromStage, hasMigrateFrom: migrateFrom !== null }),
    resumedFrom: null,
    migrateFrom,
    htmlDir: options.htmlDir ? path.resolve(options.htmlDir) : null,
  };
}

async function resolveResumePlan(ctx: Context, resumeRunId: string): Promise<WorkflowPlan> {
  const { db } = ctx.store;
  const isLatest = resumeRunId === 'latest';
  const run = isLatest ? await findLatestWorkflowRun(db) : await findWorkflowRun(db, resumeRunId);

  if (!run) {
    throw new UsageError(isLatest ? 'no workflow run to resume: none recorded yet' : `workflow run ${resumeRunId} not found`, {
      hint: 'nextke status lists the last runs; run nextke workflow without --resume to start a new one',
    });
  }
  if (!RESUMABLE_STATUSES.has(run.status)) {
    throw new UsageError(`workflow run ${run.id} is ${run.status}: only a failed or interrupted run can be resumed`, {
      hint: 'run nextke workflow without --resume to start a new run',
    });
  }

  const stageRows = await findRunStages(db, run.id);
  const stages = planResumedStages(stageRows);
  if (stages.length === 0) {
    throw new UsageError(`workflow run ${run.id} has no unfinished stage to resume`, { hint: 'run nextke workflow to start a new run' });
  }

  const recorded = run.options;
  return {
    stages,
    resumedFrom: run.id,
    migrateFrom: typeof recorded.migrateFrom === 'string' ? recorded.migrateFrom : null,
    htmlDir: typeof recorded.htmlDir === 'string' ? recorded.htmlDir : null,
  };
}
