import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, LOCATION_KEY, POSTING_DATE } from './report-scope.js';

/** Skills kept per metrics_daily cell. */
export const TOP_SKILLS_PER_CELL = 5;

/**
 * Finds the posting dates of postings processed after `processedAfter` (all dates when null):
 * the dates whose metrics_daily cells may be stale. Duplicates and rejects count too, because
 * marking a posting as either removes it from its cell. Oldest first.
 */
export async function findChangedPostingDates(db: Kysely<Database>, processedAfter: string | null): Promise<string[]> {
  let query = db.selectFrom('job_post as p').where('p.processed_at', 'is not', null);
  if (processedAfter !== null) {
    query = query.where('p.processed_at', '>', sql<Date>`${processedAfter}::timestamptz`);
  }

  const rows = await query.select(POSTING_DATE.as('date')).distinct().orderBy('date').execute();
  return rows.map((row) => row.date);
}

/**
 * Returns the latest processed_at of any posting as PostgreSQL text, the watermark the next
 * incremental refresh starts after. Text keeps the microseconds that a JavaScript Date would drop:
 * rounded down to milliseconds, the watermark would mark every posting of the last batch changed.
 */
export async function findLatestProcessedAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('job_post').select(sql<string | null>`max(processed_at)::text`.as('latest')).executeTakeFirst();
  return row?.latest ?? null;
}

/**
 * Recomputes the metrics_daily cells (date × title family × location key) of the given dates
 * from unique postings, in one transaction: the dates' old cells are deleted, so a cell whose
 * postings all became duplicates disappears. Per cell: postings, the median monthly KES salary
 * and its n (disclosed salaries only), the employment-type mix, and the top skills. Returns the
 * number of cells written. metrics_daily_skill gets the skill counts of the same cells. Idempotent.
 */
export async function refreshMetricsDaily(db: Kysely<Database>, dates: readonly string[]): Promise<number> {
  if (dates.length === 0) {
    return 0;
  }

  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('metrics_daily').where(sql<boolean>`date = any(${dates}::date[])`).execute();
    await trx.deleteFrom('metrics_daily_skill').where(sql<boolean>`date = any(${dates}::date[])`).execute();

    // The aggregates need percentile_cont, jsonb_object_agg and a ranking window, so these
    // statements are written as SQL; every value is a parameter.
    const scoped = sql`
      select p.id, ${POSTING_DATE} as date, ${FAMILY_KEY} as title_family, ${LOCATION_KEY} as location_key,
             p.salary_monthly_kes, coalesce(p.employment_type, 'unknown') as employment_type
      from job_post p left join location l on l.id = p.location_id
      where p.processed_at is not null and p.duplicate_of is null and p.reject_reason is null
        and ${POSTING_DATE} = any(${dates}::date[])
    `;

    await sql`
      insert into metrics_daily_skill (date, title_family, location_key, skill_id, postings)
      select scoped.date, scoped.title_family, scoped.location_key, js.skill_id, count(*)::int
      from (${scoped}) as scoped join job_skill js on js.job_id = scoped.id
      group by scoped.date, scoped.title_family, scoped.location_key, js.skill_id
    `.execute(trx);

    const result = await sql`
      with scoped as (${scoped}),
      cells as (
        select date, title_family, location_key, count(*)::int as postings,
               percentile_cont(0.5) within group (order by salary_monthly_kes) as salary_p50,
               count(salary_monthly_kes)::int as salary_n
        from scoped group by date, title_family, location_key
      ),
      mix as (
        select date, title_family, location_key, jsonb_object_agg(employment_type, postings) as employment_mix
        from (select date, title_family, location_key, employment_type, count(*)::int as postings
              from scoped group by date, title_family, location_key, employment_type) by_type
        group by date, title_family, location_key
      ),
      ranked_skills as (
        select m.date, m.title_family, m.location_key, s.name as skill, m.postings,
               row_number() over (partition by m.date, m.title_family, m.location_key order by m.postings desc, s.name) as skill_rank
        from metrics_daily_skill m join skill s on s.id = m.skill_id
        where m.date = any(${dates}::date[])
      ),
      top_skills as (
        select date, title_family, location_key,
               jsonb_agg(jsonb_build_object('skill', skill, 'postings', postings) order by skill_rank) as top_skills
        from ranked_skills where skill_rank <= ${TOP_SKILLS_PER_CELL}
        group by date, title_family, location_key
      )
      insert into metrics_daily (date, title_family, location_key, postings, salary_p50_monthly_kes, salary_n, employment_mix, top_skills, computed_at)
      select c.date, c.title_family, c.location_key, c.postings, round(c.salary_p50::numeric, 2), c.salary_n,
             coalesce(m.employment_mix, '{}'::jsonb), coalesce(t.top_skills, '[]'::jsonb), now()
      from cells c
      left join mix m using (date, title_family, location_key)
      left join top_skills t using (date, title_family, location_key)
    `.execute(trx);

    return Number(result.numAffectedRows ?? 0n);
  });
}

export interface MetricsTotals {
  cells: number;
  postings: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Counts metrics_daily cells and the postings they sum to. */
export async function countMetricsDaily(db: Kysely<Database>): Promise<MetricsTotals> {
  const row = await db
    .selectFrom('metrics_daily')
    .select([
      sql<string>`count(*)`.as('cells'),
      sql<string>`coalesce(sum(postings), 0)`.as('postings'),
      sql<string | null>`min(date)`.as('first_date'),
      sql<string | null>`max(date)`.as('last_date'),
    ])
    .executeTakeFirstOrThrow();
  return { cells: Number(row.cells), postings: Number(row.postings), firstDate: row.first_date, lastDate: row.last_date };
}
