import { sql, type Kysely } from 'kysely';

// Indexes behind `nextke learn` and `nextke insights`. Every report reads only unique postings
// (processed, not a duplicate, not rejected) and filters them by posting date, so one partial
// index on that date carries the columns the reports group by: most report queries become
// index-only scans once the table is vacuumed.
//
// The posting date is the board's date_posted, else the UTC day the posting was first seen. The
// expression here must stay identical to POSTING_DATE in src/db/queries/unique-postings.ts, or
// the planner will not use the index.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index job_post_unique_posting_date_idx on job_post
      (coalesce(date_posted, (first_seen at time zone 'UTC')::date))
      include (title_family, location_id, org_id, seniority, employment_type, salary_monthly_kes, quality_score, source)
      where processed_at is not null and duplicate_of is null and reject_reason is null
  `.execute(db);

  await db.schema.createIndex('metrics_daily_title_family_idx').on('metrics_daily').columns(['title_family', 'date']).execute();
  await db.schema.createIndex('metrics_daily_location_key_idx').on('metrics_daily').columns(['location_key', 'date']).execute();
  await db.schema.createIndex('learned_pattern_status_kind_idx').on('learned_pattern').columns(['status', 'kind']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('learned_pattern_status_kind_idx').ifExists().execute();
  await db.schema.dropIndex('metrics_daily_location_key_idx').ifExists().execute();
  await db.schema.dropIndex('metrics_daily_title_family_idx').ifExists().execute();
  await db.schema.dropIndex('job_post_unique_posting_date_idx').ifExists().execute();
}
