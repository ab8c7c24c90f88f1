import os from 'node:os';

import { MAX_PROCESS_WORKERS } from '../../config/load-config.js';
import { UsageError } from '../../lib/errors.js';

/** Upper bound of normalize worker threads, checked by the config as well. */
export const MAX_NORMALIZE_WORKERS = MAX_PROCESS_WORKERS;

/**
 * Returns how many normalize worker threads a process run starts: `requested` when given, else
 * NEXTKE_PROCESS_WORKERS, else the number of CPUs. 0 means normalizing on the main thread.
 * Throws UsageError for a value that is not an integer from 0 to MAX_NORMALIZE_WORKERS.
 */
export function resolveWorkerCount(requested: number | undefined, env: Record<string, string | undefined>): number {
  if (requested !== undefined) {
    return requested;
  }

  const raw = env.NEXTKE_PROCESS_WORKERS?.trim();
  if (raw === undefined || raw === '') {
    return os.availableParallelism();
  }
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > MAX_NORMALIZE_WORKERS) {
    throw new UsageError(`invalid NEXTKE_PROCESS_WORKERS: ${JSON.stringify(raw)}`, {
      context: { variable: 'NEXTKE_PROCESS_WORKERS' },
      hint: `NEXTKE_PROCESS_WORKERS must be an integer from 0 to ${MAX_NORMALIZE_WORKERS}; 0 normalizes on the main thread`,
    });
  }
  return count;
}
