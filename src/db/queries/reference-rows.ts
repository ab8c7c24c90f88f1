/**
 * Upserts of the reference rows processed postings point at: organizations, locations,
 * normalized titles and skills. Each function inserts the missing rows of a whole batch in one
 * statement and returns the id of every requested key, old or new.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { Database } from '../schema.js';

export interface OrganizationRow {
  name: string;
  /** Matching key: lower case, legal suffixes folded. */
  nameKey: string;
}

export interface LocationRow {
  country: string | null;
  region: string | null;
  city: string | null;
  isRemote: boolean;
  raw: string | null;
  /** `country|region|city|remote`, lower case. */
  locationKey: string;
}

export interface TitleNormRow {
  canonical: string;
  family: string | null;
}

export interface SkillRow {
  name: string;
  category: string | null;
}

/** Ensures an organization row exists for each name key; returns name key → id. The first name seen for a key is kept. */
export function ensureOrganizations(db: Kysely<Database>, rows: readonly OrganizationRow[]): Promise<Map<string, string>> {
  return ensureKeyedRows(db, 'organization', 'name_key', rows, (row) => row.nameKey, [
    { column: 'name', type: 'text', read: (row) => row.name },
  ]);
}

/** Ensures a location row exists for each location key; returns location key → id. */
export function ensureLocations(db: Kysely<Database>, rows: readonly LocationRow[]): Promise<Map<string, string>> {
  return ensureKeyedRows(db, 'location', 'location_key', rows, (row) => row.locationKey, [
    { column: 'country', type: 'text', read: (row) => row.country },
    { column: 'region', type: 'text', read: (row) => row.region },
    { column: 'city', type: 'text', read: (row) => row.city },
    { column: 'is_remote', type: 'boolean', read: (row) => row.isRemote },
    { column: 'raw', type: 'text', read: (row) => row.raw },
  ]);
}

/** Ensures a title_norm row exists for each canonical title; returns canonical → id. The first family seen is kept. */
export function ensureTitleNorms(db: Kysely<Database>, rows: readonly TitleNormRow[]): Promise<Map<string, string>> {
  return ensureKeyedRows(db, 'title_norm', 'canonical', rows, (row) => row.canonical, [
    { column: 'family', type: 'text', read: (row) => row.family },
  ]);
}

/** Ensures a skill row exists for each skill name; returns name → id. */
export function ensureSkills(db: Kysely<Database>, rows: readonly SkillRow[]): Promise<Map<string, string>> {
  return ensureKeyedRows(db, 'skill', 'name', rows, (row) => row.name, [{ column: 'category', type: 'text', read: (row) => row.category }]);
}

interface ExtraColumn<TRow> {
  column: string;
  type: 'text' | 'boolean';
  read: (row: TRow) => string | boolean | null;
}

/**
 * Inserts the rows whose key is not there yet (`on conflict do nothing`) and reads back the id of
 * every key. Keys are inserted in sorted order so that two workers upserting overlapping batches
 * take the unique-index locks in the same order and cannot deadlock.
 */
async function ensureKeyedRows<TRow>(
  db: Kysely<Database>,
  table: string,
  keyColumn: string,
  rows: readonly TRow[],
  readKey: (row: TRow) => string,
  extraColumns: ReadonlyArray<ExtraColumn<TRow>>,
): Promise<Map<string, string>> {
  const byKey = new Map<string, TRow>();
  for (const row of rows) {
    const key = readKey(row);
    if (!byKey.has(key)) {
      byKey.set(key, row);
    }
  }
  if (byKey.size === 0) {
    return new Map();
  }

  const keys = [...byKey.keys()].sort();
  const sortedRows = keys.map((key) => byKey.get(key) as TRow);
  const columnList = sql.join([sql.ref(keyColumn), ...extraColumns.map((extra) => sql.ref(extra.column))]);
  const arrays: RawBuilder<unknown>[] = [
    sql`${keys}::text[]`,
    ...extraColumns.map((extra) => sql`${sortedRows.map(extra.read)}::${sql.raw(extra.type)}[]`),
  ];

  await sql`
    insert into ${sql.table(table)} (${columnList})
    select * from unnest(${sql.join(arrays)})
    on conflict (${sql.ref(keyColumn)}) do nothing
  `.execute(db);

  const result = await sql<{ id: string; key: string }>`
    select id, ${sql.ref(keyColumn)} as key from ${sql.table(table)} where ${sql.ref(keyColumn)} = any(${keys}::text[])
  `.execute(db);
  return new Map(result.rows.map((row) => [row.key, row.id]));
}
