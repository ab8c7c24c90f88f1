import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

/**
 * Ends every posting claim held by the process `pid` on `host`, which must be known dead: claim
 * owners are named `host:pid:random`, so the prefix matches only that process's runs. Returns
 * how many claims were released.
 */
export async function releaseClaimsOfDeadProcess(db: Kysely<Database>, host: string, pid: number): Promise<number> {
  const result = await db
    .updateTable('job_post')
    .set({ claimed_by: null, claimed_until: null })
    .where(sql<boolean>`starts_with(claimed_by, ${`${host}:${pid}:`})`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
