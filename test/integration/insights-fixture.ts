/**
 * A small processed dataset whose report figures were computed by hand (see insights.test.ts):
 * ten unique postings in two families, three places and two employers, plus two duplicates,
 * one reject and one unprocessed posting that every report must leave out.
 */
import type { Kysely } from 'kysely';

import type { Database, NewJobPost } from '../../src/db/schema.js';

export interface InsightsFixture {
  techIds: string[];
  financeIds: string[];
  remoteId: string;
  duplicateIds: string[];
}

interface FixturePost {
  source: string;
  date: string;
  family: string | null;
  org: 'acme' | 'tana' | null;
  place: 'nairobi' | 'mombasa' | 'remote';
  salary: number | null;
  seniority: string;
  employmentType: string;
  quality: number;
  skills: Array<'python' | 'sql' | 'excel'>;
  duplicateOfFirstTech?: boolean;
  rejectReason?: string;
  isUnprocessed?: boolean;
  title: string;
}

type Shared = 'source' | 'family' | 'org' | 'place' | 'title';
const TECH_SPECIFIC: Array<Omit<FixturePost, Shared>> = [
  { date: '2026-03-02', salary: 100_000, seniority: 'mid', quality: 0.9, skills: ['python', 'sql'], employmentType: 'full_time' },
  { date: '2026-03-03', salary: 120_000, seniority: 'mid', quality: 0.9, skills: ['python', 'sql'], employmentType: 'full_time' },
  { date: '2026-03-04', salary: 140_000, seniority: 'mid', quality: 0.9, skills: ['python', 'sql'], employmentType: 'full_time' },
  { date: '2026-03-05', salary: 160_000, seniority: 'senior', quality: 0.9, skills: ['python'], employmentType: 'full_time' },
  { date: '2026-03-06', salary: 180_000, seniority: 'senior', quality: 0.5, skills: ['python'], employmentType: 'full_time' },
  { date: '2026-03-07', salary: 200_000, seniority: 'senior', quality: 0.5, skills: ['python'], employmentType: 'contract' },
];
const TECH: FixturePost[] = TECH_SPECIFIC.map((post) => ({ ...post, source: 'myjobmag', family: 'technology', org: 'acme', place: 'nairobi', title: 'Software Developer' }));

const FINANCE_SPECIFIC: Array<Pick<FixturePost, 'date' | 'salary' | 'quality' | 'skills'>> = [
  { date: '2026-03-09', salary: 50_000, quality: 0.85, skills: ['excel', 'sql'] },
  { date: '2026-03-10', salary: 60_000, quality: 0.7, skills: ['excel'] },
  { date: '2026-03-11', salary: null, quality: 0.7, skills: ['excel'] },
];
const FINANCE: FixturePost[] = FINANCE_SPECIFIC.map((post) => ({
  ...post,
  source: 'brightermonday',
  family: 'finance_accounting',
  org: 'tana',
  place: 'mombasa',
  seniority: 'mid',
  employmentType: 'full_time',
  title: 'Accountant',
}));

const REMOTE: FixturePost = {
  source: 'brightermonday',
  date: '2026-02-05',
  family: 'finance_accounting',
  org: 'tana',
  place: 'remote',
  salary: 70_000,
  seniority: 'mid',
  employmentType: 'full_time',
  quality: 0.95,
  skills: ['excel'],
  title: 'Accountant',
};

const EXCLUDED: FixturePost[] = [
  { ...TECH[0]!, date: '2026-03-03', duplicateOfFirstTech: true },
  { ...TECH[1]!, date: '2026-03-03', duplicateOfFirstTech: true },
  { ...FINANCE[0]!, org: null, rejectReason: 'not a job advert', title: 'Tender notice' },
  { ...FINANCE[1]!, isUnprocessed: true },
];

/** Inserts the reference rows and postings; returns the ids of the posting groups. */
export async function insertInsightsFixture(db: Kysely<Database>): Promise<InsightsFixture> {
  const orgIds = {
    acme: (await db.insertInto('organization').values({ name: 'Acme Ltd', name_key: 'acme' }).returning('id').executeTakeFirstOrThrow()).id,
    tana: (await db.insertInto('organization').values({ name: 'Tana Trust', name_key: 'tana trust' }).returning('id').executeTakeFirstOrThrow()).id,
  };
  const placeIds = {
    nairobi: (await db.insertInto('location').values({ country: 'Kenya', region: 'Nairobi', city: 'Nairobi', location_key: 'kenya|nairobi|nairobi|' }).returning('id').executeTakeFirstOrThrow()).id,
    mombasa: (await db.insertInto('location').values({ country: 'Kenya', region: 'Mombasa', city: 'Mombasa', location_key: 'kenya|mombasa|mombasa|' }).returning('id').executeTakeFirstOrThrow()).id,
    remote: (await db.insertInto('location').values({ is_remote: true, location_key: '|||remote' }).returning('id').executeTakeFirstOrThrow()).id,
  };
  const skillIds = {
    python: (await db.insertInto('skill').values({ name: 'python' }).returning('id').executeTakeFirstOrThrow()).id,
    sql: (await db.insertInto('skill').values({ name: 'sql' }).returning('id').executeTakeFirstOrThrow()).id,
    excel: (await db.insertInto('skill').values({ name: 'excel' }).returning('id').executeTakeFirstOrThrow()).id,
  };

  let counter = 0;
  const insertPost = async (post: FixturePost, duplicateOf: string | null): Promise<string> => {
    counter += 1;
    const row: NewJobPost = {
      source: post.source,
      url: `https://example.test/jobs/${counter}`,
      url_hash: `hash-${counter}`,
      title_raw: post.title,
      first_seen: `${post.date}T08:00:00Z`,
      date_posted: post.date,
      title_family: post.family,
      org_id: post.org === null ? null : orgIds[post.org],
      location_id: placeIds[post.place],
      salary_monthly_kes: post.salary,
      salary_disclosed: post.salary !== null,
      currency: post.salary === null ? null : 'KES',
      seniority: post.seniority,
      employment_type: post.employmentType,
      quality_score: post.quality,
      duplicate_of: duplicateOf,
      reject_reason: post.rejectReason ?? null,
      processed_at: post.isUnprocessed === true ? null : '2026-03-12T00:00:00Z',
    };
    const id = (await db.insertInto('job_post').values(row).returning('id').executeTakeFirstOrThrow()).id;
    for (const skill of post.skills) {
      await db.insertInto('job_skill').values({ job_id: id, skill_id: skillIds[skill], confidence: 0.9 }).execute();
    }
    return id;
  };

  const techIds: string[] = [];
  for (const post of TECH) techIds.push(await insertPost(post, null));
  const financeIds: string[] = [];
  for (const post of FINANCE) financeIds.push(await insertPost(post, null));
  const remoteId = await insertPost(REMOTE, null);
  const duplicateIds: string[] = [];
  for (const post of EXCLUDED) {
    const id = await insertPost(post, post.duplicateOfFirstTech === true ? techIds[0]! : null);
    if (post.duplicateOfFirstTech === true) duplicateIds.push(id);
  }
  return { techIds, financeIds, remoteId, duplicateIds };
}
