/**
 * What a caller asks of one workflow run, after the CLI has parsed and validated its flags.
 */
import type { StageName } from '../pipeline/run-report.js';

export const WORKFLOW_TRIGGERS = ['manual', 'schedule', 'ci'] as const;
export type WorkflowTrigger = (typeof WORKFLOW_TRIGGERS)[number];

export interface WorkflowOptions {
  trigger: WorkflowTrigger;
  /** Run only these stages (still in the workflow's order). */
  stages?: readonly StageName[];
  /** Start at this stage and run the ones after it. */
  fromStage?: StageName;
  /** Continue this failed or interrupted run; `latest` picks the newest run. */
  resumeRunId?: string;
  /** Legacy SQLite file to import as a first stage. */
  migrateFrom?: string;
  htmlDir?: string;
  /** Plan and print the stages without taking the lock or running anything. */
  isDryRun?: boolean;
}
