/**
 * Applies the schema migrations of `migrations/` with Kysely's Migrator, which serializes
 * concurrent runs with its own lock table, and reports what was applied and what is pending.
 */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';

import { MIGRATIONS } from '../../migrations/index.js';
import { MigrationError, errorMessage } from '../lib/errors.js';
import type { Database } from './schema.js';

export interface SchemaState {
  applied: string[];
  pending: string[];
  appliedNow: string[];
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Applies every pending migration. Throws MigrationError naming the one that failed. */
export async function ensureSchemaIsCurrent(db: Kysely<Database>): Promise<SchemaState> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();

  const failed = results?.find((result) => result.status === 'Error');
  if (failed) {
    throw new MigrationError(`schema migration ${failed.migrationName} failed (up): ${errorMessage(error)}`, {
      cause: error,
      context: { migration: failed.migrationName, direction: 'up' },
      hint: 'the database was left at the last good migration; fix the cause shown and run the command again',
    });
  }

  // An error with no failed migration comes before any migration ran: most often the database
  // has a migration applied that this version of nextke does not know, or one out of order.
  if (error) {
    throw new MigrationError(`schema migrations could not start: ${errorMessage(error)}`, {
      cause: error,
      context: { direction: 'up' },
      hint: 'the database was migrated by another version of nextke; use that version, or a fresh database or data folder',
    });
  }

  const appliedNow = (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
  return { ...(await findSchemaState(migrator)), appliedNow };
}

/** Lists applied and pending migrations without changing anything. */
export async function findSchemaState(migratorOrDb: Migrator | Kysely<Database>): Promise<Omit<SchemaState, 'appliedNow'> & { appliedNow: [] }> {
  const migrator = migratorOrDb instanceof Migrator ? migratorOrDb : new Migrator({ db: migratorOrDb, provider });
  const migrations = await migrator.getMigrations();
  return {
    applied: migrations.filter((migration) => migration.executedAt).map((migration) => migration.name),
    pending: migrations.filter((migration) => !migration.executedAt).map((migration) => migration.name),
    appliedNow: [],
  };
}
