/**
 * The Database interface Kysely types every query with: one `<Name>Table` per table of the
 * migrations in `migrations/`, plus Selectable/Insertable/Updateable aliases.
 */
import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from 'kysely';

/** bigint ids come back from `pg` as strings; the app passes numbers or strings in. */
type Id = ColumnType<string, string | number | bigint, string | number | bigint>;
type GeneratedId = ColumnType<string, string | number | bigint | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings to keep their precision; convert with Number() where it is safe. */
type Numeric = ColumnType<string, number | string, number | string>;
/** date columns: Postgres returns a Date at UTC midnight (pg) or a string (PGlite); write ISO strings. */
type DateOnly = ColumnType<Date | string, string, string>;

export interface OrganizationTable {
  id: GeneratedId;
  name: string;
  name_key: string;
  sector: string | null;
  is_verified: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: TimestampDefault;
}

export interface LocationTable {
  id: GeneratedId;
  country: string | null;
  region: string | null;
  city: string | null;
  is_remote: ColumnType<boolean, boolean | undefined, boolean>;
  raw: string | null;
  location_key: string;
}

export interface TitleNormTable {
  id: GeneratedId;
  family: string | null;
  canonical: string;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
}

export interface SkillTable {
  id: GeneratedId;
  name: string;
  taxonomy_ref: string | null;
  category: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
}

export interface JobPostTable {
  id: GeneratedId;
  source: string;
  url: string;
  url_hash: string;
  legacy_id: Id | null;
  first_seen: TimestampDefault;
  last_seen: TimestampDefault;
  repost_count: ColumnType<number, number | undefined, number>;
  title_raw: string | null;
  description_raw: string | null;
  requirements_raw: string | null;
  org_id: Id | null;
  title_norm_id: Id | null;
  location_id: Id | null;
  title_family: string | null;
  employment_type: string | null;
  seniority: string | null;
  salary_min: Numeric | null;
  salary_max: Numeric | null;
  currency: string | null;
  salary_period: string | null;
  salary_disclosed: boolean | null;
  salary_monthly_kes: Numeric | null;
  education: string | null;
  professional_qualifications: string[] | null;
  experience_years: Numeric | null;
  date_posted: DateOnly | null;
  deadline: DateOnly | null;
  quality_score: number | null;
  content_hash: string | null;
  duplicate_of: Id | null;
  reject_reason: string | null;
  processed_at: Timestamp | null;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
}

export interface RawPageTable {
  id: GeneratedId;
  job_post_id: Id | null;
  site: string;
  url: string;
  fetched_at: TimestampDefault;
  http_status: number;
  etag: string | null;
  last_modified: string | null;
  headers: JSONColumnType<Record<string, string>, string, string> | null;
  content_hash: string;
  html: string | null;
  json_ld: JSONColumnType<Record<string, unknown> | unknown[], string, string> | null;
}

/** MinHash signature of a processed posting's description, for near-duplicate detection. */
export interface JobPostMinhashTable {
  job_id: Id;
  group_key: string;
  /** pg returns a Buffer, PGlite a Uint8Array. */
  signature: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

export interface JobPostLshTable {
  band_key: string;
  job_id: Id;
}

export interface JobSkillTable {
  job_id: Id;
  skill_id: Id;
  confidence: number;
}

export interface MetricsDailyTable {
  date: DateOnly;
  title_family: string;
  location_key: string;
  postings: number;
  salary_p50_monthly_kes: Numeric | null;
  salary_n: ColumnType<number, number | undefined, number>;
  employment_mix: JSONColumnType<Record<string, number>, string | undefined, string>;
  top_skills: JSONColumnType<Array<{ skill: string; postings: number }>, string | undefined, string>;
  computed_at: TimestampDefault;
}

/** Unique postings per metrics_daily cell that ask for one skill. */
export interface MetricsDailySkillTable {
  date: DateOnly;
  title_family: string;
  location_key: string;
  skill_id: Id;
  postings: number;
}

export interface LearnedPatternTable {
  id: GeneratedId;
  kind: string;
  pattern_key: string;
  value: JSONColumnType<Record<string, unknown>, string, string>;
  support: number;
  confidence: number;
  example_ids: ColumnType<string[], Array<string | number> | undefined, Array<string | number>>;
  status: ColumnType<string, string | undefined, string>;
  first_seen: TimestampDefault;
  last_seen: TimestampDefault;
}

export interface WorkflowRunTable {
  id: GeneratedId;
  trigger: string;
  status: string;
  stages: string[];
  options: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  host: string;
  pid: number;
  started_at: TimestampDefault;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  exit_code: number | null;
  error: string | null;
  resumed_from: Id | null;
}

export interface WorkflowStageTable {
  id: GeneratedId;
  run_id: Id;
  name: string;
  position: number;
  status: string;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  counts: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  error: string | null;
  /** The stage report's error groups and stage-specific detail. */
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface ScrapeStateTable {
  site: string;
  last_run_at: Timestamp | null;
  last_success_at: Timestamp | null;
  last_status: string | null;
  last_error: string | null;
  pages_fetched: ColumnType<number, number | undefined, number>;
  postings_seen: ColumnType<number, number | undefined, number>;
  state: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface MigrationCheckpointTable {
  source_key: string;
  last_legacy_id: Id;
  rows_read: ColumnType<string, number | string | undefined, number | string>;
  rows_inserted: ColumnType<string, number | string | undefined, number | string>;
  rows_rejected: ColumnType<string, number | string | undefined, number | string>;
  updated_at: TimestampDefault;
  finished_at: Timestamp | null;
}

export interface ProcessingLogTable {
  id: GeneratedId;
  stage: string;
  run_id: Id | null;
  level: ColumnType<string, string | undefined, string>;
  message: string;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: TimestampDefault;
}

export interface DaemonHeartbeatTable {
  daemon_id: string;
  host: string;
  pid: number;
  started_at: Timestamp;
  beat_at: Timestamp;
  next_runs: JSONColumnType<Record<string, string | null>, string | undefined, string>;
}

export interface Database {
  organization: OrganizationTable;
  location: LocationTable;
  title_norm: TitleNormTable;
  skill: SkillTable;
  job_post: JobPostTable;
  raw_page: RawPageTable;
  job_skill: JobSkillTable;
  job_post_minhash: JobPostMinhashTable;
  job_post_lsh: JobPostLshTable;
  metrics_daily: MetricsDailyTable;
  metrics_daily_skill: MetricsDailySkillTable;
  learned_pattern: LearnedPatternTable;
  workflow_run: WorkflowRunTable;
  workflow_stage: WorkflowStageTable;
  scrape_state: ScrapeStateTable;
  migration_checkpoint: MigrationCheckpointTable;
  processing_log: ProcessingLogTable;
  daemon_heartbeat: DaemonHeartbeatTable;
}

export type JobPostRow = Selectable<JobPostTable>;
export type NewJobPost = Insertable<JobPostTable>;
export type JobPostUpdate = Updateable<JobPostTable>;
export type RawPageRow = Selectable<RawPageTable>;
export type NewRawPage = Insertable<RawPageTable>;
export type WorkflowRunRow = Selectable<WorkflowRunTable>;
export type WorkflowStageRow = Selectable<WorkflowStageTable>;
export type LearnedPatternRow = Selectable<LearnedPatternTable>;
export type MetricsDailyRow = Selectable<MetricsDailyTable>;
