/**
 * The record of one workflow run: its status and exit code, and one result per planned stage.
 * `--json` prints it as is.
 */
import type { ErrorGroup } from '../lib/error-tally.js';
import type { StageName, StageStatus } from '../pipeline/run-report.js';
import type { WorkflowTrigger } from './workflow-options.js';

/**
 * - succeeded: every stage succeeded or was skipped.
 * - partial: every stage ran, but at least one crossed its failure threshold (a site down).
 * - failed: a stage failed and the run stopped there.
 * - interrupted: SIGINT/SIGTERM, or the process died; `--resume` continues it.
 */
export const RUN_STATUSES = ['running', 'succeeded', 'partial', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface WorkflowStageResult {
  name: StageName;
  /** `pending` when the run stopped before this stage. */
  status: StageStatus | 'pending';
  durationMs: number;
  counts: Record<string, number>;
  /** The reason the stage failed, was skipped or was partial; null when it succeeded. */
  error: string | null;
  errorGroups: ErrorGroup[];
  /** The exit code this stage's result alone would give: 0, 3, 4 or 130. */
  exitCode: number;
  details: Record<string, unknown>;
}

export interface WorkflowRunReport {
  runId: string;
  trigger: WorkflowTrigger;
  status: RunStatus;
  exitCode: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  resumedFrom: string | null;
  /** The runs this one found `running` with their process gone, now marked interrupted. */
  interruptedRunIds: string[];
  stages: WorkflowStageResult[];
  error: string | null;
}

/** The plan `--dry-run` shows: the stages and where they come from, without running anything. */
export interface WorkflowPlan {
  stages: StageName[];
  resumedFrom: string | null;
  migrateFrom: string | null;
  htmlDir: string | null;
}
