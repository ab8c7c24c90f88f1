/**
 * The reads the learn stage derives patterns from. Each aggregates unique postings in SQL, except
 * the requirement texts, which are read in id-ordered pages so memory stays bounded.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { FAMILY_KEY, LOCATION_KEY, selectScopedPostings } from './report-scope.js';

export interface TitleFamilyGroup {
  /** Canonical title the rules gave (title_norm.canonical). */
  canonical: string;

  /** Family the rules gave; null when they could not place the title. */
  family: string | null;
  postings: number;
  organizations: number;
  exampleIds: string[];
  exampleTitle: string;
}

const EXAMPLES_PER_PATTERN = 5;

/** Counts unique postings per canonical title and family, with a few example ids and one raw title. */
export async function findTitleFamilyGroups(db: Kysely<Database>): Promise<TitleFamilyGroup[]> {
  const rows = await selectScopedPostings(db, {})
    .innerJoin('title_norm as tn', 'tn.id', 'p.title_norm_id')
    .select([
      'tn.canonical',
      'p.title_family as family',
      sql<string>`count(*)`.as('postings'),
      sql<string>`count(distinct p.org_id)`.as('organizations'),
      sql<string[]>`(array_agg(p.id order by p.id))[1:${sql.lit(EXAMPLES_PER_PATTERN)}]`.as('example_ids'),
      sql<string>`min(p.title_raw)`.as('example_title'),
    ])
    .groupBy(['tn.canonical', 'p.title_family'])
    .orderBy('tn.canonical')
    .execute();

  return rows.map((row) => ({
    canonical: row.canonical,
    family: row.family,
    postings: Number(row.postings),
    organizations: Number(row.organizations),
    exampleIds: row.example_ids.map(String),
    exampleTitle: row.example_title,
  }));
}

export interface RequirementText {
  id: string;
  orgId: string | null;
  requirements: string | null;
  description: string | null;
}

/** Reads one page of unique postings' requirement and description texts, ids above `afterId`, in id order. */
export async function findRequirementTexts(db: Kysely<Database>, afterId: string, limit: number): Promise<RequirementText[]> {
  const rows = await selectScopedPostings(db, {})
    .where('p.id', '>', afterId)
    .select(['p.id', 'p.org_id', 'p.requirements_raw', 'p.description_raw'])
    .orderBy('p.id')
    .limit(limit)
    .execute();

  return rows.map((row) => ({ id: row.id, orgId: row.org_id, requirements: row.requirements_raw, description: row.description_raw }));
}

/** Lists every skill name and alias in the skill table, lower-cased. */
export async function findSkillNames(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('skill').select(['name', 'aliases']).execute();
  return rows.flatMap((row) => [row.name, ...row.aliases]).map((name) => name.toLowerCase());
}

export interface SalaryCell {
  family: string;
  county: string;
  seniority: string;
  n: number;
  p25: number;
  p50: number;
  p75: number;
  exampleIds: string[];
}

/**
 * Computes p25, median and p75 of disclosed monthly KES salaries per title family × county ×
 * seniority, only for cells with at least `minN` salaries. Sorted by n, largest first.
 */
export async function findSalaryCells(db: Kysely<Database>, minN: number): Promise<SalaryCell[]> {
  const seniority = sql<string>`coalesce(p.seniority, 'unknown')`;
  const percentile = (fraction: number) => sql<number>`percentile_cont(${fraction}::float8) within group (order by p.salary_monthly_kes)`;
  const rows = await selectScopedPostings(db, {})
    .where('p.salary_monthly_kes', 'is not', null)
    .select([
      FAMILY_KEY.as('family'),
      LOCATION_KEY.as('county'),
      seniority.as('seniority'),
      sql<string>`count(*)`.as('n'),
      percentile(0.25).as('p25'),
      percentile(0.5).as('p50'),
      percentile(0.75).as('p75'),
      sql<string[]>`(array_agg(p.id order by p.id))[1:${sql.lit(EXAMPLES_PER_PATTERN)}]`.as('example_ids'),
    ])
    .groupBy([FAMILY_KEY, LOCATION_KEY, seniority])
    .having(sql`count(*)`, '>=', sql<number>`${minN}`)
    .orderBy('n', 'desc')
    .execute();

  return rows.map((row) => ({
    family: row.family,
    county: row.county,
    seniority: row.seniority,
    n: Number(row.n),
    p25: Number(row.p25),
    p50: Number(row.p50),
    p75: Number(row.p75),
    exampleIds: row.example_ids.map(String),
  }));
}
