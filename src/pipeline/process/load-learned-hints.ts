/**
 * Loads what the learn stage has accepted (title aliases and extra skills) once per process run,
 * in the form the normalizers take.
 */
import type { Kysely } from 'kysely';

import {
  TITLE_CLASSIFIER_KEY,
  TITLE_CLASSIFIER_KIND,
  findAcceptedSkills,
  findAcceptedTitleAliases,
  findLearnedPatternValue,
} from '../../db/queries/learned-patterns.js';
import type { Database } from '../../db/schema.js';
import type { LearnedTitleAlias } from '../../normalize/normalize-title.js';
import { phraseKey } from '../../normalize/phrase-matcher.js';
import type { SkillRecord } from '../../normalize/skill-taxonomy.js';
import { parseTitleClassifierModel, type TitleClassifierModel } from '../optimize/title-classifier.js';

export interface LearnedHints {
  /** Accepted aliases keyed by `phraseKey` of the raw title, as normalizeTitle looks them up. */
  aliases: ReadonlyMap<string, LearnedTitleAlias>;
  extraSkills: readonly SkillRecord[];
  /** The title-family classifier `nextke optimize` trained last; null before its first run. Plain JSON, so it crosses to worker threads. */
  titleClassifier: TitleClassifierModel | null;
}

export const NO_LEARNED_HINTS: LearnedHints = { aliases: new Map(), extraSkills: [], titleClassifier: null };

// Category of skills that come from the learn stage rather than the shipped taxonomy.
const LEARNED_SKILL_CATEGORY = 'learned';

/** Reads accepted title aliases and skills, and the trained title classifier, from learned_pattern. */
export async function loadLearnedHints(db: Kysely<Database>): Promise<LearnedHints> {
  const aliasesByKey = await findAcceptedTitleAliases(db);
  const skills = await findAcceptedSkills(db);

  const aliases = new Map<string, LearnedTitleAlias>();
  for (const [key, alias] of aliasesByKey) {
    aliases.set(phraseKey(key), alias);
  }

  const classifierValue = await findLearnedPatternValue(db, TITLE_CLASSIFIER_KIND, TITLE_CLASSIFIER_KEY);
  return {
    aliases,
    extraSkills: skills.map((skill) => ({ name: skill.name, aliases: [...skill.aliases], category: LEARNED_SKILL_CATEGORY })),
    titleClassifier: classifierValue === undefined ? null : parseTitleClassifierModel(classifierValue),
  };
}
