/**
 * Reads of accepted learned patterns, in the form the process stage passes to the normalizers.
 * The learn stage writes `learned_pattern` rows; `status = 'accepted'` rows are the ones in use.
 */
import type { Kysely } from 'kysely';

import type { Database } from '../schema.js';
import { TITLE_FAMILIES, type TitleFamily } from '../../normalize/vocabulary.js';

/** `learned_pattern.kind` of a raw title mapped to a canonical title: value `{ family, canonical }`, key the raw title. */
export const TITLE_ALIAS_KIND = 'title_alias';

/** `learned_pattern.kind` of a skill missing from the shipped taxonomy: value `{ name, aliases? }`, key the skill name. */
export const SKILL_KIND = 'skill';

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
