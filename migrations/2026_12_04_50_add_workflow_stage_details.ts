import { sql, type Kysely } from 'kysely';

// A stage's counts alone do not say which site failed or why: `details` keeps the stage
// report's error groups and its stage-specific detail (per-site results of scrape, for example).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workflow_stage')
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workflow_stage').dropColumn('details').execute();
}
