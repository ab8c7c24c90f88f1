/**
 * Posting claims left behind by a `nextke process` run on this host that died (SIGKILL, crash).
 * Without this, a new run would skip the dead run's last batch until its lease ran out (minutes)
 * and report success with those postings still unprocessed.
 */
import os from 'node:os';

import { sql, type Kysely } from 'kysely';

import { releaseClaimsOfDeadProcess } from '../../db/queries/dead-process-claims.js';
import type { Database } from '../../db/schema.js';
import type { Logger } from '../../lib/log.js';

/**
 * Releases every unexpired claim whose owner (`host:pid:random`) is a process on this host that
 * no longer exists. Claims of other hosts cannot be checked and wait out their lease. Returns
 * how many claims were released.
 */
export async function releaseDeadLocalClaims(db: Kysely<Database>, log: Logger): Promise<number> {
  const host = os.hostname();
  const owners = await db
    .selectFrom('job_post')
    .select('claimed_by')
    .distinct()
    .where('claimed_by', 'is not', null)
    .where('claimed_until', '>', sql<Date>`now()`)
    .execute();

  let released = 0;
  for (const { claimed_by: owner } of owners) {
    const pid = parseLocalOwnerPid(owner ?? '', host);
    if (pid === undefined || isProcessAlive(pid)) {
      continue;
    }

    const count = await releaseClaimsOfDeadProcess(db, host, pid);
    log.warn('claims of a dead process run released', { claimedBy: owner, releasedClaims: count });
    released += count;
  }
  return released;
}

/** Returns the pid of a `host:pid:random` claim owner on `host`, or undefined for any other owner. */
export function parseLocalOwnerPid(owner: string, host: string): number | undefined {
  const prefix = `${host}:`;
  if (!owner.startsWith(prefix)) {
    return undefined;
  }

  const [pidText, random, ...rest] = owner.slice(prefix.length).split(':');
  if (random === undefined || rest.length > 0 || !/^\d+$/.test(pidText ?? '')) {
    return undefined;
  }
  return Number(pidText);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
