/**
 * The skill taxonomy (data/skills.json) compiled into one phrase matcher. Each skill has a
 * canonical lower-case name, aliases and a category; short acronyms ("SQL", "QA") match only
 * in capitals, and names that are ordinary words ("word", "access", "R") match only through
 * their longer aliases ("MS Word", "R programming").
 */
import skillsData from './data/skills.json' with { type: 'json' };
import { compilePhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher.js';

export interface SkillRecord {
  name: string;
  aliases: string[];
  category: string;

  /** Spellings matched with their exact letter case ("iOS", "MEAL"). */
  exactForms?: string[];

  /** False when the bare name is an ordinary word and only aliases may match. */
  isNameMatched?: boolean;
}

const ACRONYM_MAX_LETTERS = 3;

/** Compiles skills into a matcher whose keys are the canonical names. */
export function compileSkillMatcher(skills: readonly SkillRecord[]): { findAll(text: string): PhraseMatch[] } {
  const entries: PhraseEntry[] = [];
  for (const skill of skills) {
    const phrases = skill.isNameMatched === false ? skill.aliases : [skill.name, ...skill.aliases];
    for (const phrase of phrases) entries.push(toEntry(phrase, skill.name));
    for (const form of skill.exactForms ?? []) entries.push({ phrase: form, key: skill.name, isCaseSensitive: true });
  }
  return compilePhraseMatcher(entries);
}

function toEntry(phrase: string, key: string): PhraseEntry {
  // "qa", "sem", "pms" are everyday letter runs in lower case; in postings they are written in capitals.
  const isAcronym = /^[a-z]+$/i.test(phrase) && phrase.length <= ACRONYM_MAX_LETTERS;
  if (isAcronym) return { phrase: phrase.toUpperCase(), key, isCaseSensitive: true };
  return { phrase, key };
}

/** The shipped taxonomy. */
export const SKILLS: readonly SkillRecord[] = skillsData as SkillRecord[];

/** Category of each shipped skill, by canonical name. */
export const SKILL_CATEGORIES: ReadonlyMap<string, string> = new Map(SKILLS.map((skill) => [skill.name, skill.category]));

export const defaultSkillMatcher = compileSkillMatcher(SKILLS);
