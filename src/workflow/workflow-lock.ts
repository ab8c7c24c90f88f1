/**
 * One workflow at a time per database. On PostgreSQL a session-level advisory lock decides. It
 * is held on a dedicated connection for the whole run, so a process that dies loses its session
 * and with it the lock. The embedded store is already single-process through its data-folder
 * lockfile. Within one process, where the daemon runs several schedules, a flag keeps runs apart.
 */
import os from 'node:os';

import pg from 'pg';

import { findAdvisoryLockBackend, releaseAdvisoryLock, tryAdvisoryLock, type AdvisoryLockKey } from '../db/queries/advisory-lock.js';
import { findRunningWorkflowRuns } from '../db/queries/workflow-run-writes.js';
import { LockHeldError } from '../lib/errors.js';
import type { Context } from '../pipeline/context.js';

/** 'nk' in ASCII, then 1 for the workflow: see AdvisoryLockKey. */
export const WORKFLOW_LOCK_KEY: AdvisoryLockKey = { classId: 0x6e6b, objectId: 1 };

export interface WorkflowLock {
  release(): Promise<void>;
}

let isHeldInProcess = false;

/** Takes the workflow lock or throws LockHeldError (exit 5) naming the run that holds it. */
export async function acquireWorkflowLock(ctx: Context): Promise<WorkflowLock> {
  if (isHeldInProcess) {
    throw await lockHeldError(ctx, 'this process');
  }

  const pool = ctx.store.pool;
  if (!pool) {
    isHeldInProcess = true;
    return { release: async () => void (isHeldInProcess = false) };
  }

  // A client of its own rather than one from the pool: the lock lives as long as this session,
  // and the stages keep every pool connection for their own work.
  const client = new pg.Client({ ...pool.options, application_name: `nextke workflow pid ${process.pid}` });
  client.on('error', (error) => ctx.log.error('workflow lock connection lost', { error: error.message }));
  await client.connect();

  if (!(await tryAdvisoryLock(client, WORKFLOW_LOCK_KEY))) {
    const error = await lockHeldError(ctx, 'another session', client);
    await client.end().catch(() => undefined);
    throw error;
  }

  isHeldInProcess = true;
  return {
    release: async () => {
      isHeldInProcess = false;
      try {
        await releaseAdvisoryLock(client, WORKFLOW_LOCK_KEY);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}

async function lockHeldError(ctx: Context, holderKind: string, client?: pg.Client): Promise<LockHeldError> {
  const running = (await findRunningWorkflowRuns(ctx.store.db)).at(-1);
  const hint = 'wait for that run to finish (nextke status lists it); a holder whose process died loses the lock with its database session';

  if (running) {
    const startedAt = new Date(running.started_at).toISOString();
    return new LockHeldError(
      `workflow lock on ${ctx.store.location} is held by run ${running.id} (pid ${running.pid} on ${running.host}, started ${startedAt}, trigger ${running.trigger})`,
      { context: { runId: running.id, pid: running.pid, host: running.host, startedAt }, hint },
    );
  }

  // The holder took the lock but has not recorded its run yet, or is not a workflow run.
  const backend = client ? await findAdvisoryLockBackend(client, WORKFLOW_LOCK_KEY) : null;
  const who = backend
    ? `database session ${backend.backendPid} (${backend.applicationName || 'unnamed'} from ${backend.clientAddress ?? 'a local socket'}, connected ${backend.backendStartedAt.toISOString()})`
    : `${holderKind} on ${os.hostname()}`;
  return new LockHeldError(`workflow lock on ${ctx.store.location} is held by ${who}, with no run recorded yet`, { hint });
}
