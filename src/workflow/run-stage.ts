/**
 * Runs one stage of a workflow run: marks it running, calls its runner with a progress reporter
 * labelled `[2/5] process`, turns a thrown error into a failed result, and records the result.
 */
import { finishStage, markStageRunning } from '../db/queries/workflow-stage-writes.js';
import { EXIT_CODE, InterruptedError, NextkeError, errorMessage } from '../lib/errors.js';
import type { ProgressReporter } from '../lib/progress.js';
import type { Context } from '../pipeline/context.js';
import type { StageName, StageReport } from '../pipeline/run-report.js';
import type { StageInput, StageRunner } from './stage-registry.js';
import type { WorkflowStageResult } from './workflow-run-report.js';

export interface StagePosition {
  index: number;
  total: number;
}

/** Runs and records one stage. A stage's own error becomes a failed result; errors writing the record propagate. */
export async function runStage(ctx: Context, name: StageName, runner: StageRunner, input: StageInput, position: StagePosition): Promise<WorkflowStageResult> {
  const label = `[${position.index + 1}/${position.total}] ${name}`;
  const log = ctx.log.child({ runId: input.runId, stage: name });

  await markStageRunning(ctx.store.db, input.runId, name);
  log.info('stage started');
  ctx.progress.start(label);

  const startedAtMs = performance.now();
  const result = await callRunner(ctx, name, runner, input, label, startedAtMs);

  await finishStage(ctx.store.db, input.runId, name, {
    status: result.status,
    durationMs: result.durationMs,
    counts: result.counts,
    error: result.error,
    details: { errorGroups: result.errorGroups, ...result.details },
  });

  ctx.progress.stop(`${label} ${result.status} in ${formatSeconds(result.durationMs)}${formatCounts(result.counts)}`);
  log[logLevelOf(result.status)]('stage finished', { status: result.status, durationMs: Math.round(result.durationMs), ...result.counts, error: result.error ?? undefined });
  return result;
}

async function callRunner(ctx: Context, name: StageName, runner: StageRunner, input: StageInput, label: string, startedAtMs: number): Promise<WorkflowStageResult> {
  try {
    const report = await runner({ ...ctx, progress: labelProgress(ctx.progress, label) }, input);
    return { ...toStageResult(report), name };
  } catch (error) {
    const durationMs = performance.now() - startedAtMs;
    if (error instanceof InterruptedError || ctx.signal.aborted) {
      return failureResult(name, 'interrupted', durationMs, errorMessage(error), EXIT_CODE.interrupted);
    }

    if (!(error instanceof NextkeError)) {
      ctx.log.error('stage threw an unexpected error', { runId: input.runId, stage: name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    const exitCode = error instanceof NextkeError && error.exitCode === EXIT_CODE.unavailable ? EXIT_CODE.unavailable : EXIT_CODE.partial;
    return failureResult(name, 'failed', durationMs, errorMessage(error), exitCode);
  }
}

/** Converts a stage's own report; the stage's reason, or else its largest error group, becomes the error text. */
export function toStageResult(report: StageReport<object>): WorkflowStageResult {
  const topGroup = report.errorGroups[0];
  const error = report.reason ?? (report.status !== 'succeeded' && topGroup ? `${topGroup.count} × ${topGroup.group}: ${topGroup.example}` : null);
  return {
    name: report.stage,
    status: report.status,
    durationMs: report.durationMs,
    counts: report.counts,
    error: report.status === 'succeeded' ? null : error,
    errorGroups: report.errorGroups,
    exitCode: STATUS_EXIT_CODES[report.status],
    details: { ...report.details },
  };
}

const STATUS_EXIT_CODES: Record<StageReport['status'], number> = {
  succeeded: EXIT_CODE.ok,
  skipped: EXIT_CODE.ok,
  partial: EXIT_CODE.partial,
  failed: EXIT_CODE.partial,
  interrupted: EXIT_CODE.interrupted,
};

function failureResult(name: StageName, status: 'failed' | 'interrupted', durationMs: number, error: string, exitCode: number): WorkflowStageResult {
  return { name, status, durationMs, counts: {}, error, errorGroups: [], exitCode, details: {} };
}

/** Keeps the stage's own labels under the workflow's `[i/n] stage` prefix; the workflow closes each line itself. */
function labelProgress(progress: ProgressReporter, prefix: string): ProgressReporter {
  return {
    start: (label, total) => progress.start(label === '' ? prefix : `${prefix}: ${label}`, total),
    update: (update) => progress.update(update),
    stop: () => undefined,
  };
}

function logLevelOf(status: WorkflowStageResult['status']): 'error' | 'warn' | 'info' {
  if (status === 'failed') {
    return 'error';
  }
  return status === 'partial' || status === 'interrupted' ? 'warn' : 'info';
}

function formatSeconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).slice(0, 6);
  return entries.length === 0 ? '' : ` (${entries.map(([key, value]) => `${key}=${value}`).join(' ')})`;
}
