/**
 * The postings a report reads, with the period, family and county filters applied in SQL. Every
 * insights and learn query starts from here, so "unique posting" and "posting date" mean the same
 * thing in every figure.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { Database } from '../schema.js';

/** Report filters from the command line. Dates are ISO `YYYY-MM-DD`, both ends inclusive. */
export interface ReportFilter {
  since?: string;
  until?: string;

  /** A title family as stored, e.g. `technology`; `unclassified` selects postings without one. */
  family?: string;

  /** A county (`Nairobi`) or one of `remote`, `outside_kenya`, `unknown`; compared case-insensitively. */
  county?: string;
}

/**
 * - unique: processed, not a duplicate of an earlier posting, not rejected as a non-job.
 * - processed: every processed posting, duplicates and rejects included (overview and repost counts).
 */
export type PostingScope = 'unique' | 'processed';

// The date a posting counts on: the board's date, else the UTC day nextke first saw it. Kept
// identical to the expression of job_post_unique_posting_date_idx so the planner uses that index.
export const POSTING_DATE = sql<string>`coalesce(p.date_posted, (p.first_seen at time zone 'UTC')::date)`;

// The location key of metrics_daily: the county for Kenyan postings, otherwise what is known.
export const LOCATION_KEY = sql<string>`case
  when l.region is not null then l.region
  when l.is_remote then 'remote'
  when l.country is not null and lower(l.country) <> 'kenya' then 'outside_kenya'
  else 'unknown' end`;

// Postings the title rules could not place are reported under this family rather than dropped.
export const FAMILY_KEY = sql<string>`coalesce(p.title_family, 'unclassified')`;

/** Starts a query over `job_post as p` left-joined to `location as l`, with the scope and filter applied. */
export function selectScopedPostings(db: Kysely<Database>, filter: ReportFilter, scope: PostingScope = 'unique') {
  let query = db
    .selectFrom('job_post as p')
    .leftJoin('location as l', 'l.id', 'p.location_id')
    .where('p.processed_at', 'is not', null);

  if (scope === 'unique') {
    query = query.where('p.duplicate_of', 'is', null).where('p.reject_reason', 'is', null);
  }
  if (filter.since !== undefined) {
    query = query.where(POSTING_DATE, '>=', filter.since);
  }
  if (filter.until !== undefined) {
    query = query.where(POSTING_DATE, '<=', filter.until);
  }
  if (filter.family !== undefined) {
    query = query.where(FAMILY_KEY, '=', filter.family);
  }
  if (filter.county !== undefined) {
    query = query.where(sql`lower(${LOCATION_KEY})`, '=', filter.county.toLowerCase());
  }
  return query;
}

/**
 * Finds the first and last posting date and the number of unique postings that match `filter`,
 * from metrics_daily; nulls and 0 when there are none.
 */
export async function findPostingDateRange(db: Kysely<Database>, filter: ReportFilter): Promise<{ first: string | null; last: string | null; postings: number }> {
  const row = await selectMetricCells(db, filter)
    .select([sql<string | null>`min(m.date)`.as('first'), sql<string | null>`max(m.date)`.as('last'), sql<string>`coalesce(sum(m.postings), 0)`.as('postings')])
    .executeTakeFirstOrThrow();
  return { first: row.first, last: row.last, postings: Number(row.postings) };
}

/** An inclusive range of ISO dates. */
export interface DateRange {
  since: string;
  until: string;
}

/** A reporting period and the period of equal length just before it, for change figures. */
export interface ComparedPeriods {
  current: DateRange;
  previous: DateRange;
}

/** Returns the filter with its date range replaced by the span of both compared periods. */
export function spanPeriods(filter: ReportFilter, periods: ComparedPeriods): ReportFilter {
  return { ...filter, since: periods.previous.since, until: periods.current.until };
}

/**
 * Builds the filter as a condition on a metrics table aliased `m` (metrics_daily or
 * metrics_daily_skill). Their date, title_family and location_key columns hold the same values as
 * POSTING_DATE, FAMILY_KEY and LOCATION_KEY.
 */
export function matchesMetricCells(filter: ReportFilter): RawBuilder<boolean> {
  const conditions = [sql`true`];
  if (filter.since !== undefined) {
    conditions.push(sql`m.date >= ${filter.since}::date`);
  }
  if (filter.until !== undefined) {
    conditions.push(sql`m.date <= ${filter.until}::date`);
  }
  if (filter.family !== undefined) {
    conditions.push(sql`m.title_family = ${filter.family}`);
  }
  if (filter.county !== undefined) {
    conditions.push(sql`lower(m.location_key) = ${filter.county.toLowerCase()}`);
  }
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** Starts a query over metrics_daily (aliased `m`), kept current by the insights refresh, with the filter applied. */
export function selectMetricCells(db: Kysely<Database>, filter: ReportFilter) {
  return db.selectFrom('metrics_daily as m').where(matchesMetricCells(filter));
}

/** Starts a query over metrics_daily_skill (aliased `m`) joined to skill (aliased `s`), with the filter applied. */
export function selectMetricSkillCells(db: Kysely<Database>, filter: ReportFilter) {
  return db.selectFrom('metrics_daily_skill as m').innerJoin('skill as s', 's.id', 'm.skill_id').where(matchesMetricCells(filter));
}
