import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface ProcessingLogEntry {
  stage: string;
  message: string;
  level?: 'info' | 'warn' | 'error';
  details: Record<string, unknown>;
  runId?: string | null;
}

/** Appends one entry to processing_log. */
export async function insertProcessingLogEntry(db: Kysely<Database>, entry: ProcessingLogEntry): Promise<void> {
  await db
    .insertInto('processing_log')
    .values({
      stage: entry.stage,
      message: entry.message,
      level: entry.level ?? 'info',
      details: JSON.stringify(entry.details),
      run_id: entry.runId ?? null,
    })
    .execute();
}

/** Finds the newest processing_log entry of a stage with this exact message, or undefined. */
export async function findLatestProcessingLogEntry(
  db: Kysely<Database>,
  stage: string,
  message: string,
): Promise<{ createdAt: Date; details: Record<string, unknown> } | undefined> {
  const row = await db
    .selectFrom('processing_log')
    .select(['created_at', 'details'])
    .where('stage', '=', stage)
    .where('message', '=', message)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : { createdAt: new Date(row.created_at), details: row.details };
}
