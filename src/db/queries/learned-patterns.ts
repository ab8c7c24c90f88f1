/**
 * learned_pattern rows: the learn stage's proposals and what is accepted from them, plus the
 * reads that hand accepted title aliases and skills to the process stage's normalizers. Rows with
 * `status = 'accepted'` are the ones in use.
 */
import { sql, type Kysely } from 'kysely';

import { SKILL_KIND, TITLE_ALIAS_KIND, type PatternStatus } from '../learned-pattern-kinds.js';
import type { Database } from '../schema.js';
import { TITLE_FAMILIES, type TitleFamily } from '../../normalize/vocabulary.js';

export {
  EMPLOYER_ACTIVITY_KIND,
  FAMILY_TREND_KIND,
  PATTERN_STATUSES,
  SALARY_PATTERN_KIND,
  SKILL_KIND,
  TITLE_ALIAS_KIND,
  TITLE_CLASSIFIER_KEY,
  TITLE_CLASSIFIER_KIND,
  type PatternStatus,
} from '../learned-pattern-kinds.js';

export interface LearnedPatternInput {
  kind: string;
  key: string;
  value: Record<string, unknown>;

  /** Postings behind the pattern. */
  support: number;

  /** 0–1; how each kind computes it is documented where the pattern is derived. */
  confidence: number;
  exampleIds: readonly string[];
}

export interface LearnedPattern extends LearnedPatternInput {
  id: string;
  status: string;
  firstSeen: Date;
  lastSeen: Date;
}

export interface AcceptedTitleAlias {
  family: TitleFamily;
  canonical: string;
}

export interface AcceptedSkill {
  name: string;
  aliases: string[];
}

const FAMILIES: ReadonlySet<string> = new Set(TITLE_FAMILIES);

/**
 * Returns accepted title aliases keyed by the raw title (`pattern_key`). Rows whose value lacks a
 * canonical title or names a family outside the vocabulary are skipped.
 */
export async function findAcceptedTitleAliases(db: Kysely<Database>): Promise<Map<string, AcceptedTitleAlias>> {
  const rows = await findAcceptedPatterns(db, TITLE_ALIAS_KIND);
  const aliases = new Map<string, AcceptedTitleAlias>();
  for (const row of rows) {
    const { family, canonical } = row.value as { family?: unknown; canonical?: unknown };
    if (typeof canonical === 'string' && canonical.trim() !== '' && typeof family === 'string' && FAMILIES.has(family)) {
      aliases.set(row.pattern_key, { family: family as TitleFamily, canonical: canonical.trim() });
    }
  }
  return aliases;
}

/** Returns accepted skills; the name comes from the value, else from `pattern_key`. */
export async function findAcceptedSkills(db: Kysely<Database>): Promise<AcceptedSkill[]> {
  const rows = await findAcceptedPatterns(db, SKILL_KIND);
  return rows.map((row) => {
    const { name, aliases } = row.value as { name?: unknown; aliases?: unknown };
    return {
      name: (typeof name === 'string' && name.trim() !== '' ? name : row.pattern_key).trim().toLowerCase(),
      aliases: Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === 'string') : [],
    };
  });
}

function findAcceptedPatterns(db: Kysely<Database>, kind: string): Promise<Array<{ pattern_key: string; value: Record<string, unknown> }>> {
  return db.selectFrom('learned_pattern').select(['pattern_key', 'value']).where('kind', '=', kind).where('status', '=', 'accepted').orderBy('id').execute();
}

/**
 * Inserts or refreshes patterns by (kind, key). A refresh replaces value, support, confidence and
 * examples and moves last_seen, but keeps status and first_seen, so an accepted pattern stays
 * accepted when learn runs again. Returns the number of rows written.
 */
export async function upsertLearnedPatterns(db: Kysely<Database>, patterns: readonly LearnedPatternInput[], status: PatternStatus = 'proposed'): Promise<number> {
  if (patterns.length === 0) {
    return 0;
  }

  const result = await db
    .insertInto('learned_pattern')
    .values(
      patterns.map((pattern) => ({
        kind: pattern.kind,
        pattern_key: pattern.key,
        value: JSON.stringify(pattern.value),
        support: pattern.support,
        confidence: pattern.confidence,
        example_ids: [...pattern.exampleIds],
        status,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['kind', 'pattern_key']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        support: eb.ref('excluded.support'),
        confidence: eb.ref('excluded.confidence'),
        example_ids: eb.ref('excluded.example_ids'),
        last_seen: sql`now()`,
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Lists patterns of the given kinds (all kinds when empty) and status, highest support first. */
export async function listLearnedPatterns(
  db: Kysely<Database>,
  options: { kinds?: readonly string[]; status?: PatternStatus; limit: number },
): Promise<LearnedPattern[]> {
  let query = db.selectFrom('learned_pattern').selectAll();
  if (options.kinds !== undefined && options.kinds.length > 0) {
    query = query.where('kind', 'in', [...options.kinds]);
  }
  if (options.status !== undefined) {
    query = query.where('status', '=', options.status);
  }

  const rows = await query.orderBy('support', 'desc').orderBy('confidence', 'desc').orderBy('id').limit(options.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    key: row.pattern_key,
    value: row.value,
    support: row.support,
    confidence: row.confidence,
    exampleIds: row.example_ids.map(String),
    status: row.status,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
  }));
}

/** Marks the patterns with these ids as accepted; returns the ids that exist (accepted before or now). */
export async function acceptLearnedPatterns(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }

  const rows = await db.updateTable('learned_pattern').set({ status: 'accepted' }).where('id', 'in', [...ids]).returning('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Accepts every proposed pattern of `kind` with at least `minSupport` postings and at least
 * `minConfidence`; returns the number accepted.
 */
export async function acceptPatternsAbove(db: Kysely<Database>, kind: string, threshold: { minSupport: number; minConfidence: number }): Promise<number> {
  const result = await db
    .updateTable('learned_pattern')
    .set({ status: 'accepted' })
    .where('kind', '=', kind)
    .where('status', '=', 'proposed')
    .where('support', '>=', threshold.minSupport)
    .where('confidence', '>=', threshold.minConfidence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Finds the value of one pattern by kind and key, or undefined. */
export async function findLearnedPatternValue(db: Kysely<Database>, kind: string, key: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.selectFrom('learned_pattern').select('value').where('kind', '=', kind).where('pattern_key', '=', key).executeTakeFirst();
  return row?.value;
}
