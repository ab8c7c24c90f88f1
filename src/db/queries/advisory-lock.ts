import type pg from 'pg';

/**
 * A session-level advisory lock key in PostgreSQL's two-integer form. The first integer names
 * the application, the second the resource, so nextke's keys never collide with another
 * application's single-bigint keys.
 */
export interface AdvisoryLockKey {
  classId: number;
  objectId: number;
}

export interface AdvisoryLockBackend {
  /** Server process id of the session that holds the lock. */
  backendPid: number;
  clientAddress: string | null;
  applicationName: string;
  backendStartedAt: Date;
}

/** Takes the lock for this session without waiting. Returns false when another session holds it. */
export async function tryAdvisoryLock(client: pg.ClientBase, key: AdvisoryLockKey): Promise<boolean> {
  const result = await client.query<{ is_locked: boolean }>('select pg_try_advisory_lock($1, $2) as is_locked', [key.classId, key.objectId]);
  return result.rows[0]?.is_locked === true;
}

/** Takes the lock for this session, waiting as long as another session holds it. */
export async function waitForAdvisoryLock(client: pg.ClientBase, key: AdvisoryLockKey): Promise<void> {
  await client.query('select pg_advisory_lock($1, $2)', [key.classId, key.objectId]);
}

/** Releases a lock this session holds. Returns false when it did not hold it. */
export async function releaseAdvisoryLock(client: pg.ClientBase, key: AdvisoryLockKey): Promise<boolean> {
  const result = await client.query<{ is_released: boolean }>('select pg_advisory_unlock($1, $2) as is_released', [key.classId, key.objectId]);
  return result.rows[0]?.is_released === true;
}

/** Finds the server session that holds the lock, from pg_locks and pg_stat_activity, or null. */
export async function findAdvisoryLockBackend(client: pg.ClientBase, key: AdvisoryLockKey): Promise<AdvisoryLockBackend | null> {
  // In pg_locks, a two-integer advisory key appears as classid/objid with objsubid = 2.
  const result = await client.query<{ pid: number; client_addr: string | null; application_name: string; backend_start: Date }>(
    `select a.pid, host(a.client_addr) as client_addr, a.application_name, a.backend_start
       from pg_locks l
       join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2
        and l.classid = $1::int::oid and l.objid = $2::int::oid and l.database = (select oid from pg_database where datname = current_database())
      limit 1`,
    [key.classId, key.objectId],
  );

  const row = result.rows[0];
  if (!row) {
    return null;
  }
  return { backendPid: row.pid, clientAddress: row.client_addr, applicationName: row.application_name, backendStartedAt: row.backend_start };
}
