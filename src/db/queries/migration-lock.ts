import type pg from 'pg';

/** The session that holds a migration lock, as pg_stat_activity shows it. */
export interface LockHolder {
  pid: number;
  applicationName: string;
  clientAddress: string | null;
  backendStart: Date;
}

// Both halves of the advisory key: a fixed namespace for `nextke migrate` and a hash of the
// source key, so that two different legacy files can be migrated at the same time.
const MIGRATE_LOCK_NAMESPACE = 0x6e6b6d67;

/**
 * Takes a session-level advisory lock for one legacy source on `client`, without waiting.
 * Returns null when taken, or the holder when another session has it. The lock lasts until
 * `unlockLegacySource` or the end of the session.
 */
export async function tryLockLegacySource(client: pg.ClientBase, sourceKey: string): Promise<LockHolder | null> {
  const result = await client.query<{ is_locked: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as is_locked', [MIGRATE_LOCK_NAMESPACE, sourceKey]);
  if (result.rows[0]?.is_locked) {
    return null;
  }

  // pg_locks shows each int4 half of a two-key advisory lock as an unsigned oid (objsubid 2), so
  // a negative hash is masked to its unsigned 32-bit value before the cast, which would fail.
  const holder = await client.query<{ pid: number; application_name: string; client_addr: string | null; backend_start: Date }>(
    `select activity.pid, activity.application_name, activity.client_addr::text as client_addr, activity.backend_start
     from pg_locks as locks
     join pg_stat_activity as activity on activity.pid = locks.pid
     where locks.locktype = 'advisory' and locks.granted
       and locks.classid = $1::bigint::oid and locks.objid = (hashtext($2)::bigint & 4294967295)::oid
       and locks.objsubid = 2
     limit 1`,
    [MIGRATE_LOCK_NAMESPACE, sourceKey],
  );
  const row = holder.rows[0];
  // The holder may have finished between the two queries; report an unknown holder then.
  return row
    ? { pid: row.pid, applicationName: row.application_name, clientAddress: row.client_addr, backendStart: row.backend_start }
    : { pid: 0, applicationName: 'unknown', clientAddress: null, backendStart: new Date(0) };
}

/** Releases the lock taken by `tryLockLegacySource`. */
export async function unlockLegacySource(client: pg.ClientBase, sourceKey: string): Promise<void> {
  await client.query('select pg_advisory_unlock($1, hashtext($2))', [MIGRATE_LOCK_NAMESPACE, sourceKey]);
}
