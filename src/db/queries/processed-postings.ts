/**
 * Writes the results of `nextke process` to job_post and job_skill: one multi-row statement per
 * batch for each table, never one statement per posting.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

/** The normalized columns of one posting, with the ids of its reference rows already resolved. */
export interface ProcessedPostingColumns {
  id: string;
  orgId: string | null;
  titleNormId: string | null;
  locationId: string | null;
  titleFamily: string | null;
  employmentType: string | null;
  seniority: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  currency: string | null;
  salaryPeriod: string | null;
  salaryDisclosed: boolean;
  salaryMonthlyKes: number | null;
  education: string | null;
  professionalQualifications: string[];
  experienceYears: number | null;
  /** ISO date, YYYY-MM-DD. */
  datePosted: string | null;
  deadline: string | null;
  qualityScore: number;
  contentHash: string | null;
  rejectReason: string | null;
  /** The earliest copy of this posting's advert, or null when it is the earliest or has none. */
  duplicateOf: string | null;
}

/**
 * Writes each posting's normalized columns and duplicate link, sets `processed_at` and ends the
 * claim, but only for postings `workerId` still holds: a worker whose lease expired and was taken
 * over writes nothing. One statement for the whole batch, so each posting gets one new row
 * version. Returns the ids written.
 */
export async function writeProcessedPostings(
  db: Kysely<Database>,
  workerId: string,
  postings: readonly ProcessedPostingColumns[],
): Promise<Set<string>> {
  if (postings.length === 0) {
    return new Set();
  }

  const column = <T>(read: (posting: ProcessedPostingColumns) => T): T[] => postings.map(read);
  // text[] cannot hold the per-posting text[] of qualifications, so each travels as one JSON array.
  const qualifications = column((posting) => JSON.stringify(posting.professionalQualifications));

  const result = await sql<{ id: string }>`
    update job_post as j set
      org_id = v.org_id,
      title_norm_id = v.title_norm_id,
      location_id = v.location_id,
      title_family = v.title_family,
      employment_type = v.employment_type,
      seniority = v.seniority,
      salary_min = v.salary_min,
      salary_max = v.salary_max,
      currency = v.currency,
      salary_period = v.salary_period,
      salary_disclosed = v.salary_disclosed,
      salary_monthly_kes = v.salary_monthly_kes,
      education = v.education,
      professional_qualifications = array(select jsonb_array_elements_text(v.qualifications::jsonb)),
      experience_years = v.experience_years,
      date_posted = v.date_posted,
      deadline = v.deadline,
      quality_score = v.quality_score,
      content_hash = v.content_hash,
      reject_reason = v.reject_reason,
      duplicate_of = v.duplicate_of,
      processed_at = now(),
      claimed_by = null,
      claimed_until = null
    from unnest(
      ${column((p) => p.id)}::bigint[],
      ${column((p) => p.orgId)}::bigint[],
      ${column((p) => p.titleNormId)}::bigint[],
      ${column((p) => p.locationId)}::bigint[],
      ${column((p) => p.titleFamily)}::text[],
      ${column((p) => p.employmentType)}::text[],
      ${column((p) => p.seniority)}::text[],
      ${column((p) => p.salaryMin)}::numeric[],
      ${column((p) => p.salaryMax)}::numeric[],
      ${column((p) => p.currency)}::text[],
      ${column((p) => p.salaryPeriod)}::text[],
      ${column((p) => p.salaryDisclosed)}::boolean[],
      ${column((p) => p.salaryMonthlyKes)}::numeric[],
      ${column((p) => p.education)}::text[],
      ${qualifications}::text[],
      ${column((p) => p.experienceYears)}::numeric[],
      ${column((p) => p.datePosted)}::date[],
      ${column((p) => p.deadline)}::date[],
      ${column((p) => p.qualityScore)}::real[],
      ${column((p) => p.contentHash)}::text[],
      ${column((p) => p.rejectReason)}::text[],
      ${column((p) => p.duplicateOf)}::bigint[]
    ) as v(
      id, org_id, title_norm_id, location_id, title_family, employment_type, seniority,
      salary_min, salary_max, currency, salary_period, salary_disclosed, salary_monthly_kes,
      education, qualifications, experience_years, date_posted, deadline, quality_score,
      content_hash, reject_reason, duplicate_of
    )
    where j.id = v.id and j.claimed_by = ${workerId}
    returning j.id
  `.execute(db);

  return new Set(result.rows.map((row) => String(row.id)));
}

export interface JobSkillLink {
  jobId: string;
  skillId: string;
  /** 0–1, from the skill extractor. */
  confidence: number;
}

/** Replaces the skills of the given postings with `links`: old links of these postings are deleted first. */
export async function replaceJobSkills(db: Kysely<Database>, jobIds: readonly string[], links: readonly JobSkillLink[]): Promise<void> {
  if (jobIds.length === 0) {
    return;
  }

  await sql`delete from job_skill where job_id = any(${[...jobIds]}::bigint[])`.execute(db);
  if (links.length === 0) {
    return;
  }

  await sql`
    insert into job_skill (job_id, skill_id, confidence)
    select * from unnest(
      ${links.map((link) => link.jobId)}::bigint[],
      ${links.map((link) => link.skillId)}::bigint[],
      ${links.map((link) => link.confidence)}::real[]
    )
    on conflict (job_id, skill_id) do update set confidence = greatest(job_skill.confidence, excluded.confidence)
  `.execute(db);
}
