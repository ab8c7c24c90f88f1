import type { Migration } from 'kysely';

import * as createCoreTables from './2026_12_04_01_create_core_tables.js';
import * as compressTextWithLz4 from './2026_12_04_02_compress_text_with_lz4.js';
import * as createJobPostMinhash from './2026_12_04_30_create_job_post_minhash.js';
import * as addInsightsIndexes from './2026_12_04_40_add_insights_indexes.js';
import * as createMetricsDailySkill from './2026_12_04_41_create_metrics_daily_skill.js';
import * as addWorkflowStageDetails from './2026_12_04_50_add_workflow_stage_details.js';

/**
 * Every schema migration, by name. Names sort in the order they run (Kysely's migrator rejects
 * out-of-order names). A static list rather than a folder scan, so the same code works from
 * `src` under tsx and from the compiled `dist`.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_12_04_01_create_core_tables': createCoreTables,
  '2026_12_04_02_compress_text_with_lz4': compressTextWithLz4,
  '2026_12_04_30_create_job_post_minhash': createJobPostMinhash,
  '2026_12_04_40_add_insights_indexes': addInsightsIndexes,
  '2026_12_04_41_create_metrics_daily_skill': createMetricsDailySkill,
  '2026_12_04_50_add_workflow_stage_details': addWorkflowStageDetails,
};
