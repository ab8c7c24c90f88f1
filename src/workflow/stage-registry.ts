/**
 * The stages a workflow can run, by name. Each entry adapts one stage's entry point to the
 * workflow's input, so the runner needs no stage options and tests can plug in
 * fake stages.
 */
import type { Context } from '../pipeline/context.js';
import type { StageName, StageReport } from '../pipeline/run-report.js';

/** The input the workflow passes to every stage; each stage reads the fields it needs. */
export interface StageInput {
  runId: string;
  /** Legacy SQLite file for the migrate stage. */
  migrateFrom?: string;
  /** Folder the insights stage writes its HTML report to. */
  htmlDir?: string;
}

export type StageRunner = (ctx: Context, input: StageInput) => Promise<StageReport<object>>;

export type StageRegistry = Partial<Record<StageName, StageRunner>>;
