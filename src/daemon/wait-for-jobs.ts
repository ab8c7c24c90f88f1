/**
 * Waits for fanned-out pg-boss jobs to reach a final state, polling their rows. Polling keeps
 * this independent of which worker runs a job: the waiting worker may run some of them itself.
 */
import type PgBoss from 'pg-boss';

import { InterruptedError } from '../lib/errors.js';

export interface FinishedJob<TOutput> {
  id: string;
  state: 'completed' | 'failed' | 'cancelled';
  /** The handler's return value for a completed job, or the error for a failed one. */
  output: TOutput | { message?: string } | null;
}

const FINAL_STATES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

/** Polls until every job is final; throws InterruptedError when `signal` aborts first. */
export async function waitForJobs<TOutput>(boss: PgBoss, queue: string, ids: readonly string[], signal: AbortSignal, pollMs = 500): Promise<Array<FinishedJob<TOutput>>> {
  const finished = new Map<string, FinishedJob<TOutput>>();

  while (finished.size < ids.length) {
    if (signal.aborted) {
      throw new InterruptedError(`stopped waiting for ${ids.length - finished.size} ${queue} jobs`);
    }

    for (const id of ids) {
      if (finished.has(id)) {
        continue;
      }
      // A job archived after completion is still found with includeArchive.
      const job = await boss.getJobById<unknown>(queue, id, { includeArchive: true });
      if (job && FINAL_STATES.has(job.state)) {
        finished.set(id, { id, state: job.state as FinishedJob<TOutput>['state'], output: (job.output as TOutput | null) ?? null });
      }
    }

    if (finished.size < ids.length) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
  return ids.map((id) => finished.get(id) as FinishedJob<TOutput>);
}
