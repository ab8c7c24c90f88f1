/**
 * Runs the workflow: takes the lock, marks dead runs interrupted, records a run with its planned
 * stages, runs the stages in order until one fails or a signal arrives, records the outcome and
 * releases the lock. The core of `nextke workflow` and of the daemon's schedules.
 */
import os from 'node:os';

import { finishWorkflowRun, insertWorkflowRun } from '../db/queries/workflow-run-writes.js';
import { insertPlannedStages } from '../db/queries/workflow-stage-writes.js';
import { InternalError } from '../lib/errors.js';
import type { Context } from '../pipeline/context.js';
import { prepareHtmlOutput } from '../pipeline/insights/run-insights.js';
import type { StageName } from '../pipeline/run-report.js';
import { decideRunOutcome } from './decide-run-outcome.js';
import { interruptDeadRuns } from './interrupt-dead-runs.js';
import { resolvePlan } from './resolve-plan.js';
import { runStage } from './run-stage.js';
import type { StageRegistry, StageRunner } from './stage-registry.js';
import { acquireWorkflowLock } from './workflow-lock.js';
import type { WorkflowOptions } from './workflow-options.js';
import type { WorkflowPlan, WorkflowRunReport, WorkflowStageResult } from './workflow-run-report.js';

/** Returns the plan that `runWorkflow` would run, without taking the lock or writing anything. */
export async function planWorkflow(ctx: Context, options: WorkflowOptions): Promise<WorkflowPlan> {
  return resolvePlan(ctx, options);
}

/**
 * Runs one workflow. Throws LockHeldError (exit 5) when another run holds the lock, and
 * UsageError for a bad plan. A failing stage does not throw: it ends the run with status
 * `failed` and its exit code.
 */
export async function runWorkflow(ctx: Context, options: WorkflowOptions, registry: StageRegistry): Promise<WorkflowRunReport> {
  const lock = await acquireWorkflowLock(ctx);
  try {
    const interruptedRunIds = await interruptDeadRuns(ctx);
    const plan = await resolvePlan(ctx, options);
    const runners = findRunners(plan.stages, registry);
    // A report folder that cannot be created fails the command now, not after the stages before insights.
    if (plan.htmlDir !== null && plan.stages.includes('insights')) {
      await prepareHtmlOutput(plan.htmlDir);
    }
    return await executePlan(ctx, options, plan, runners, interruptedRunIds);
  } finally {
    await lock.release();
  }
}

async function executePlan(
  ctx: Context,
  options: WorkflowOptions,
  plan: WorkflowPlan,
  runners: ReadonlyArray<[StageName, StageRunner]>,
  interruptedRunIds: string[],
): Promise<WorkflowRunReport> {
  const { db } = ctx.store;
  const startedAt = new Date();
  const recordedOptions = { migrateFrom: plan.migrateFrom ?? undefined, htmlDir: plan.htmlDir ?? undefined };
  const runId = await insertWorkflowRun(db, {
    trigger: options.trigger,
    stages: plan.stages,
    options: recordedOptions,
    host: os.hostname(),
    pid: process.pid,
    resumedFrom: plan.resumedFrom,
  });
  await insertPlannedStages(db, runId, plan.stages);

  const log = ctx.log.child({ runId });
  log.info('run started', { trigger: options.trigger, stages: plan.stages.join(','), resumedFrom: plan.resumedFrom ?? undefined });

  const input = { runId, migrateFrom: plan.migrateFrom ?? undefined, htmlDir: plan.htmlDir ?? undefined };
  const results: WorkflowStageResult[] = [];
  for (const [index, [name, runner]] of runners.entries()) {
    if (ctx.signal.aborted) {
      break;
    }

    const result = await runStage(ctx, name, runner, input, { index, total: runners.length });
    results.push(result);
    if (result.status === 'failed' || result.status === 'interrupted') {
      break;
    }
  }

  const outcome = decideRunOutcome(results, ctx.signal.aborted);
  await finishWorkflowRun(db, runId, outcome);
  const finishedAt = new Date();
  log[outcome.exitCode === 0 ? 'info' : 'warn']('run finished', { status: outcome.status, exitCode: outcome.exitCode, durationMs: finishedAt.getTime() - startedAt.getTime() });

  return {
    runId,
    trigger: options.trigger,
    status: outcome.status,
    exitCode: outcome.exitCode,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    resumedFrom: plan.resumedFrom,
    interruptedRunIds,
    stages: withPendingStages(plan.stages, results),
    error: outcome.error,
  };
}

function findRunners(stages: readonly StageName[], registry: StageRegistry): Array<[StageName, StageRunner]> {
  return stages.map((name) => {
    const runner = registry[name];
    if (!runner) {
      throw new InternalError(`stage ${name} has no runner in the workflow's stage registry`);
    }
    return [name, runner];
  });
}

/** Adds a `pending` result for each planned stage the run stopped before. */
function withPendingStages(stages: readonly StageName[], results: readonly WorkflowStageResult[]): WorkflowStageResult[] {
  return stages.map(
    (name) =>
      results.find((result) => result.name === name) ?? {
        name,
        status: 'pending',
        durationMs: 0,
        counts: {},
        error: null,
        errorGroups: [],
        exitCode: 0,
        details: {},
      },
  );
}
