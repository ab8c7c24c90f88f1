import { sql, type Kysely } from 'kysely';

// The whole data model in one first migration: postings and the pages behind them, the
// normalized reference tables, metrics, learned patterns, run history and per-stage state.
// Ids are bigint identities; timestamps are timestamptz so runs on machines in different
// time zones agree.

export async function up(db: Kysely<unknown>): Promise<void> {
  await createReferenceTables(db);
  await createPostingTables(db);
  await createLearningTables(db);
  await createRunTables(db);
}

async function createReferenceTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull())
    // Lower-case name with legal suffixes (Ltd, Limited, PLC) folded: the matching key.
    .addColumn('name_key', 'text', (col) => col.notNull().unique())
    .addColumn('sector', 'text')
    .addColumn('is_verified', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('location')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('country', 'text')
    // Kenya's first-level division is the county; other countries leave it null.
    .addColumn('region', 'text')
    .addColumn('city', 'text')
    .addColumn('is_remote', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('raw', 'text')
    // country|region|city|remote, lower-case: one row per distinct place.
    .addColumn('location_key', 'text', (col) => col.notNull().unique())
    .execute();

  await db.schema
    .createTable('title_norm')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('family', 'text')
    .addColumn('canonical', 'text', (col) => col.notNull().unique())
    .addColumn('aliases', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  await db.schema
    .createTable('skill')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('taxonomy_ref', 'text')
    .addColumn('category', 'text')
    .addColumn('aliases', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

async function createPostingTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_post')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull().unique())
    .addColumn('url_hash', 'text', (col) => col.notNull())
    .addColumn('legacy_id', 'bigint')
    .addColumn('first_seen', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('repost_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('title_raw', 'text')
    .addColumn('description_raw', 'text')
    .addColumn('requirements_raw', 'text')
    .addColumn('org_id', 'bigint', (col) => col.references('organization.id').onDelete('set null'))
    .addColumn('title_norm_id', 'bigint', (col) => col.references('title_norm.id').onDelete('set null'))
    .addColumn('location_id', 'bigint', (col) => col.references('location.id').onDelete('set null'))
    .addColumn('title_family', 'text')
    .addColumn('employment_type', 'text')
    .addColumn('seniority', 'text')
    .addColumn('salary_min', 'numeric')
    .addColumn('salary_max', 'numeric')
    .addColumn('currency', 'text')
    .addColumn('salary_period', 'text')
    .addColumn('salary_disclosed', 'boolean')
    // Monthly KES midpoint, filled only for disclosed KES salaries: what salary reports aggregate.
    .addColumn('salary_monthly_kes', 'numeric')
    .addColumn('education', 'text')
    .addColumn('professional_qualifications', sql`text[]`)
    .addColumn('experience_years', 'numeric')
    .addColumn('date_posted', 'date')
    .addColumn('deadline', 'date')
    .addColumn('quality_score', 'real')
    .addColumn('content_hash', 'text')
    .addColumn('duplicate_of', 'bigint', (col) => col.references('job_post.id').onDelete('set null'))
    // Set when the posting is not a job (category page, expired notice, tender): kept out of insights.
    .addColumn('reject_reason', 'text')
    .addColumn('processed_at', 'timestamptz')
    // Claim lease of a `nextke process` worker: a crashed worker's claim expires at claimed_until.
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'timestamptz')
    .execute();

  await db.schema.createIndex('job_post_url_hash_idx').on('job_post').column('url_hash').execute();
  await db.schema.createIndex('job_post_source_idx').on('job_post').column('source').execute();
  await db.schema
    .createIndex('job_post_unprocessed_idx')
    .on('job_post')
    .column('id')
    .where(sql.ref('processed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('job_post_processed_at_idx').on('job_post').column('processed_at').execute();
  await db.schema.createIndex('job_post_duplicate_of_idx').on('job_post').column('duplicate_of').execute();
  await db.schema.createIndex('job_post_org_id_idx').on('job_post').column('org_id').execute();
  await db.schema.createIndex('job_post_location_id_idx').on('job_post').column('location_id').execute();
  await db.schema.createIndex('job_post_title_norm_id_idx').on('job_post').column('title_norm_id').execute();
  await db.schema.createIndex('job_post_date_posted_idx').on('job_post').column('date_posted').execute();

  await db.schema
    .createTable('raw_page')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('job_post_id', 'bigint', (col) => col.references('job_post.id').onDelete('cascade'))
    .addColumn('site', 'text', (col) => col.notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('fetched_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('http_status', 'integer', (col) => col.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('headers', 'jsonb')
    .addColumn('content_hash', 'text', (col) => col.notNull())
    .addColumn('html', 'text')
    .addColumn('json_ld', 'jsonb')
    // One row per distinct content of a page: refetching an unchanged page adds nothing.
    .addUniqueConstraint('raw_page_url_content_hash_key', ['url', 'content_hash'])
    .execute();

  await db.schema.createIndex('raw_page_job_post_id_idx').on('raw_page').column('job_post_id').execute();

  await db.schema
    .createTable('job_skill')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job_post.id').onDelete('cascade'))
    .addColumn('skill_id', 'bigint', (col) => col.notNull().references('skill.id').onDelete('cascade'))
    .addColumn('confidence', 'real', (col) => col.notNull())
    .addPrimaryKeyConstraint('job_skill_pkey', ['job_id', 'skill_id'])
    .execute();

  await db.schema.createIndex('job_skill_skill_id_idx').on('job_skill').column('skill_id').execute();
}

async function createLearningTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('metrics_daily')
    .addColumn('date', 'date', (col) => col.notNull())
    .addColumn('title_family', 'text', (col) => col.notNull())
    // County for Kenyan postings; 'remote', 'outside_kenya' or 'unknown' otherwise.
    .addColumn('location_key', 'text', (col) => col.notNull())
    .addColumn('postings', 'integer', (col) => col.notNull())
    .addColumn('salary_p50_monthly_kes', 'numeric')
    .addColumn('salary_n', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('employment_mix', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('top_skills', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('metrics_daily_pkey', ['date', 'title_family', 'location_key'])
    .execute();

  await db.schema
    .createTable('learned_pattern')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('pattern_key', 'text', (col) => col.notNull())
    .addColumn('value', 'jsonb', (col) => col.notNull())
    .addColumn('support', 'integer', (col) => col.notNull())
    .addColumn('confidence', 'real', (col) => col.notNull())
    .addColumn('example_ids', sql`bigint[]`, (col) => col.notNull().defaultTo(sql`'{}'::bigint[]`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('proposed'))
    .addColumn('first_seen', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('learned_pattern_kind_key_key', ['kind', 'pattern_key'])
    .execute();
}

async function createRunTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_run')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('trigger', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('stages', sql`text[]`, (col) => col.notNull())
    .addColumn('options', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('pid', 'integer', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .addColumn('exit_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('resumed_from', 'bigint', (col) => col.references('workflow_run.id').onDelete('set null'))
    .execute();

  await db.schema.createIndex('workflow_run_started_at_idx').on('workflow_run').column('started_at').execute();

  await db.schema
    .createTable('workflow_stage')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('run_id', 'bigint', (col) => col.notNull().references('workflow_run.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .addColumn('counts', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('error', 'text')
    .addUniqueConstraint('workflow_stage_run_id_name_key', ['run_id', 'name'])
    .execute();

  await db.schema
    .createTable('scrape_state')
    .addColumn('site', 'text', (col) => col.primaryKey())
    .addColumn('last_run_at', 'timestamptz')
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('pages_fetched', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('postings_seen', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('state', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  await db.schema
    .createTable('migration_checkpoint')
    // Absolute path of the legacy file plus table name.
    .addColumn('source_key', 'text', (col) => col.primaryKey())
    .addColumn('last_legacy_id', 'bigint', (col) => col.notNull())
    .addColumn('rows_read', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('rows_inserted', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('processing_log')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('run_id', 'bigint', (col) => col.references('workflow_run.id').onDelete('set null'))
    .addColumn('level', 'text', (col) => col.notNull().defaultTo('info'))
    .addColumn('message', 'text', (col) => col.notNull())
    .addColumn('details', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.createIndex('processing_log_stage_created_at_idx').on('processing_log').columns(['stage', 'created_at']).execute();

  await db.schema
    .createTable('daemon_heartbeat')
    // host:pid of the daemon process.
    .addColumn('daemon_id', 'text', (col) => col.primaryKey())
    .addColumn('host', 'text', (col) => col.notNull())
    .addColumn('pid', 'integer', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull())
    .addColumn('beat_at', 'timestamptz', (col) => col.notNull())
    .addColumn('next_runs', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'daemon_heartbeat',
    'processing_log',
    'migration_checkpoint',
    'scrape_state',
    'workflow_stage',
    'workflow_run',
    'learned_pattern',
    'metrics_daily',
    'job_skill',
    'raw_page',
    'job_post',
    'skill',
    'title_norm',
    'location',
    'organization',
  ];
  for (const table of tables) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
