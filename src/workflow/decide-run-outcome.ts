/**
 * Turns stage results into the run's status and exit code, in one place, so that the run record,
 * the printed table and the process exit code agree.
 */
import { EXIT_CODE } from '../lib/errors.js';
import type { RunStatus, WorkflowStageResult } from './workflow-run-report.js';

export interface RunOutcomeDecision {
  status: Exclude<RunStatus, 'running'>;
  exitCode: number;
  error: string | null;
}

/**
 * Decides the outcome. An interrupted stage, or a signal between stages, gives 130. A failed
 * stage gives its own code: 4 when a dependency was down, else 3. A partial stage gives 3.
 */
export function decideRunOutcome(results: readonly WorkflowStageResult[], wasInterrupted: boolean): RunOutcomeDecision {
  const interrupted = results.find((result) => result.status === 'interrupted');
  if (interrupted || wasInterrupted) {
    const where = interrupted ? `during ${interrupted.name}` : 'between stages';
    return { status: 'interrupted', exitCode: EXIT_CODE.interrupted, error: `interrupted ${where}` };
  }

  const failed = results.find((result) => result.status === 'failed');
  if (failed) {
    return { status: 'failed', exitCode: failed.exitCode, error: `stage ${failed.name} failed: ${failed.error ?? 'no reason given'}` };
  }

  const partial = results.filter((result) => result.status === 'partial');
  if (partial.length > 0) {
    const summary = partial.map((result) => `${result.name}: ${result.error ?? 'failures crossed the threshold'}`).join('; ');
    return { status: 'partial', exitCode: EXIT_CODE.partial, error: summary };
  }

  return { status: 'succeeded', exitCode: EXIT_CODE.ok, error: null };
}
