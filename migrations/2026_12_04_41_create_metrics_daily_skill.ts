import { sql, type Kysely } from 'kysely';

// Skill counts per metrics_daily cell, kept by the same incremental refresh. Skill reports sum
// these instead of joining job_skill (several rows per posting) to job_post on every call: with a
// million postings the join alone takes seconds.
//
// The second index serves the salary reports, which read only unique postings with a disclosed
// salary (a small share of all postings). Its expression must stay identical to POSTING_DATE in
// src/db/queries/report-scope.ts.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metrics_daily_skill')
    .addColumn('date', 'date', (col) => col.notNull())
    .addColumn('title_family', 'text', (col) => col.notNull())
    .addColumn('location_key', 'text', (col) => col.notNull())
    .addColumn('skill_id', 'bigint', (col) => col.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('postings', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('metrics_daily_skill_pkey', ['date', 'title_family', 'location_key', 'skill_id'])
    .execute();

  await sql`
    create index job_post_unique_salary_date_idx on job_post
      (coalesce(date_posted, (first_seen at time zone 'UTC')::date))
      include (title_family, location_id, seniority, salary_monthly_kes)
      where processed_at is not null and duplicate_of is null and reject_reason is null and salary_monthly_kes is not null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('job_post_unique_salary_date_idx').ifExists().execute();
  await db.schema.dropTable('metrics_daily_skill').ifExists().execute();
}
