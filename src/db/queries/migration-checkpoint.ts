import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface MigrationCheckpoint {
  sourceKey: string;
  lastLegacyId: number;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
  finishedAt: Date | null;
}

/** What one committed batch adds to a checkpoint: the last legacy id it read and its counts. */
export interface CheckpointAdvance {
  sourceKey: string;
  lastLegacyId: number;
  rowsRead: number;
  rowsInserted: number;
  rowsRejected: number;
}

/** Finds the checkpoint of one legacy file and table, or null when it was never migrated. */
export async function findMigrationCheckpoint(db: Kysely<Database>, sourceKey: string): Promise<MigrationCheckpoint | null> {
  const row = await db.selectFrom('migration_checkpoint').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
  if (!row) {
    return null;
  }

  return {
    sourceKey: row.source_key,
    lastLegacyId: Number(row.last_legacy_id),
    rowsRead: Number(row.rows_read),
    rowsInserted: Number(row.rows_inserted),
    rowsRejected: Number(row.rows_rejected),
    finishedAt: row.finished_at,
  };
}

/**
 * Builds the upsert that moves a checkpoint forward and adds a batch's counts to its totals.
 * Not executed here: the caller runs it in the transaction that writes the batch, so that the
 * rows and the checkpoint commit together (compile it for a raw `pg` client, or execute it).
 */
export function buildCheckpointAdvance(db: Kysely<Database>, advance: CheckpointAdvance) {
  return db
    .insertInto('migration_checkpoint')
    .values({
      source_key: advance.sourceKey,
      last_legacy_id: advance.lastLegacyId,
      rows_read: advance.rowsRead,
      rows_inserted: advance.rowsInserted,
      rows_rejected: advance.rowsRejected,
      updated_at: sql`now()`,
      finished_at: null,
    })
    .onConflict((oc) =>
      oc.column('source_key').doUpdateSet({
        last_legacy_id: (eb) => eb.ref('excluded.last_legacy_id'),
        rows_read: sql`migration_checkpoint.rows_read + excluded.rows_read`,
        rows_inserted: sql`migration_checkpoint.rows_inserted + excluded.rows_inserted`,
        rows_rejected: sql`migration_checkpoint.rows_rejected + excluded.rows_rejected`,
        updated_at: sql`now()`,
        finished_at: null,
      }),
    );
}

/** Marks a checkpoint finished: every row up to its last legacy id has been read. */
export async function markMigrationFinished(db: Kysely<Database>, sourceKey: string): Promise<void> {
  await db.updateTable('migration_checkpoint').set({ finished_at: sql`now()`, updated_at: sql`now()` }).where('source_key', '=', sourceKey).execute();
}

/** Deletes a checkpoint so that the next run reads the legacy table from its first row. */
export async function deleteMigrationCheckpoint(db: Kysely<Database>, sourceKey: string): Promise<void> {
  await db.deleteFrom('migration_checkpoint').where('source_key', '=', sourceKey).execute();
}
