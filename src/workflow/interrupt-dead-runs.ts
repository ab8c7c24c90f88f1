/**
 * Finds runs left `running` by a process that died (SIGKILL, power loss), marks them interrupted
 * and releases the posting claims that process held. Called only while holding the workflow lock:
 * a live run would hold it, so every run still marked `running` at that point has lost its process.
 */
import { releaseClaimsOfDeadProcess } from '../db/queries/dead-process-claims.js';
import { findRunningWorkflowRuns, markWorkflowRunInterrupted } from '../db/queries/workflow-run-writes.js';
import type { Context } from '../pipeline/context.js';

/** Marks every `running` run interrupted and returns their ids. */
export async function interruptDeadRuns(ctx: Context): Promise<string[]> {
  const runs = await findRunningWorkflowRuns(ctx.store.db);

  for (const run of runs) {
    const reason = `process ${run.pid} on ${run.host} stopped without finishing the run`;
    await markWorkflowRunInterrupted(ctx.store.db, run.id, reason);
    // Without this, the batch the dead process had claimed would wait out its lease (minutes)
    // and a resume would finish with those postings still unprocessed.
    const releasedClaims = await releaseClaimsOfDeadProcess(ctx.store.db, run.host, run.pid);
    ctx.log.warn('dead run marked interrupted', { runId: run.id, pid: run.pid, host: run.host, startedAt: new Date(run.started_at).toISOString(), releasedClaims });
  }
  return runs.map((run) => run.id);
}
