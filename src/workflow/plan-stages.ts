/**
 * Decides which stages a run executes, in order: the pure part of `--stages`, `--from`,
 * `--migrate-from` and `--resume`.
 */
import { UsageError } from '../lib/errors.js';
import type { StageName } from '../pipeline/run-report.js';

/** The daily job's stages, in the order they run; `migrate` joins first when a legacy file is given. */
export const WORKFLOW_STAGE_ORDER: readonly StageName[] = ['migrate', 'scrape', 'process', 'learn', 'optimize', 'insights'];

export interface PlanRequest {
  stages?: readonly StageName[];
  fromStage?: StageName;
  hasMigrateFrom: boolean;
}

/** Returns the stages to run, in workflow order. Throws UsageError when the request selects none. */
export function planStages(request: PlanRequest): StageName[] {
  let plan = WORKFLOW_STAGE_ORDER.filter((stage) => stage !== 'migrate' || request.hasMigrateFrom);

  if (request.stages && request.stages.length > 0) {
    const selected = new Set(request.stages);
    if (selected.has('migrate') && !request.hasMigrateFrom) {
      throw new UsageError('stage migrate needs a legacy file', { hint: 'add --migrate-from PATH' });
    }
    plan = WORKFLOW_STAGE_ORDER.filter((stage) => selected.has(stage));
  }

  if (request.fromStage) {
    const fromStage = request.fromStage;
    const start = plan.indexOf(fromStage);
    if (start === -1) {
      throw new UsageError(`--from ${fromStage} is not among the planned stages (${plan.join(', ')})`, {
        hint: fromStage === 'migrate' ? 'add --migrate-from PATH' : 'pick a stage from the list',
      });
    }
    plan = plan.slice(start);
  }

  if (plan.length === 0) {
    throw new UsageError('no stages selected', { hint: `choose from ${WORKFLOW_STAGE_ORDER.join(', ')}` });
  }
  return plan;
}

/** Stage statuses after which a resume does not run the stage again. */
const FINISHED_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'partial', 'skipped']);

/**
 * Returns the stages a resume runs: from the first stage of the earlier run that did not finish
 * (failed, interrupted, running when its process died, or never started) to the end of its plan.
 */
export function planResumedStages(previous: ReadonlyArray<{ name: string; status: string }>): StageName[] {
  const first = previous.findIndex((stage) => !FINISHED_STATUSES.has(stage.status));
  if (first === -1) {
    return [];
  }
  return previous.slice(first).map((stage) => stage.name as StageName);
}
