/**
 * Finds runs left `running` by a process that died (SIGKILL, power loss) and marks them
 * interrupted. Called only while holding the workflow lock: a live run would hold it, so every
 * run still marked `running` at that point has lost its process.
 */
import { findRunningWorkflowRuns, markWorkflowRunInterrupted } from '../db/queries/workflow-run-writes.js';
import type { Context } from '../pipeline/context.js';

/** Marks every `running` run interrupted and returns their ids. */
export async function interruptDeadRuns(ctx: Context): Promise<string[]> {
  const runs = await findRunningWorkflowRuns(ctx.store.db);

  for (const run of runs) {
    const reason = `process ${run.pid} on ${run.host} stopped without finishing the run`;
    await markWorkflowRunInterrupted(ctx.store.db, run.id, reason);
    ctx.log.warn('dead run marked interrupted', { runId: run.id, pid: run.pid, host: run.host, startedAt: new Date(run.started_at).toISOString() });
  }
  return runs.map((run) => run.id);
}
