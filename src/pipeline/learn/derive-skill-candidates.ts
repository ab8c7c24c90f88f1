import type { Kysely } from 'kysely';

import { findRequirementTexts } from '../../db/queries/learn-sources.js';
import type { Database } from '../../db/schema.js';
import { cutPageFurniture } from '../../normalize/cut-page-furniture.js';
import { requirementsSection } from '../../normalize/normalize-skills.js';
import { defaultSkillMatcher } from '../../normalize/skill-taxonomy.js';
import { extractSkillPhrases } from './extract-skill-phrases.js';

export interface SkillCandidate {
  name: string;
  postings: number;
  organizations: number;

  /** organizations / postings, 0–1: a phrase one employer repeats in every advert scores low. */
  confidence: number;
  exampleIds: string[];
}

/** A phrase becomes a candidate when this many unique postings, from this many organizations, use it. */
export const SKILL_MIN_POSTINGS = 3;
export const SKILL_MIN_ORGANIZATIONS = 2;

const PAGE_SIZE = 500;
const EXAMPLES_PER_SKILL = 5;

interface PhraseTally {
  postings: number;
  organizations: Set<string>;
  exampleIds: string[];
}

/**
 * Reads the requirements of every unique posting, page by page, and counts the candidate phrases
 * that are not in the skill taxonomy nor in `knownNames`. A posting without a separate requirements
 * text contributes the requirements section of its description. Stops early when `signal` aborts
 * and returns what it counted so far, with `isComplete` false.
 */
export async function deriveSkillCandidates(
  db: Kysely<Database>,
  options: { knownNames: ReadonlySet<string>; signal: AbortSignal },
): Promise<{ candidates: SkillCandidate[]; postingsScanned: number; isComplete: boolean }> {
  const tallies = new Map<string, PhraseTally>();
  let afterId = '0';
  let postingsScanned = 0;

  while (!options.signal.aborted) {
    const page = await findRequirementTexts(db, afterId, PAGE_SIZE);
    if (page.length === 0) {
      break;
    }

    for (const posting of page) {
      const text = posting.requirements ?? requirementsSection(cutPageFurniture(posting.description ?? ''));
      for (const phrase of extractSkillPhrases(text)) {
        if (!isKnownSkill(phrase, options.knownNames)) {
          tallyPhrase(tallies, phrase, posting.id, posting.orgId);
        }
      }
    }
    postingsScanned += page.length;
    afterId = page.at(-1)!.id;
  }

  return { candidates: selectCandidates(tallies), postingsScanned, isComplete: !options.signal.aborted };
}

/** True when the phrase is a known skill name or alias, or contains one ("advanced excel"). */
export function isKnownSkill(phrase: string, knownNames: ReadonlySet<string>): boolean {
  if (knownNames.has(phrase)) {
    return true;
  }
  // Short acronyms in the taxonomy match only in capitals, so try the phrase both ways.
  return defaultSkillMatcher.findAll(phrase).length > 0 || defaultSkillMatcher.findAll(phrase.toUpperCase()).length > 0;
}

function tallyPhrase(tallies: Map<string, PhraseTally>, phrase: string, postingId: string, orgId: string | null): void {
  const tally = tallies.get(phrase) ?? { postings: 0, organizations: new Set<string>(), exampleIds: [] };
  tally.postings += 1;
  // Postings without an organization each count as their own employer.
  tally.organizations.add(orgId ?? `posting:${postingId}`);
  if (tally.exampleIds.length < EXAMPLES_PER_SKILL) {
    tally.exampleIds.push(postingId);
  }
  tallies.set(phrase, tally);
}

function selectCandidates(tallies: ReadonlyMap<string, PhraseTally>): SkillCandidate[] {
  const candidates: SkillCandidate[] = [];
  for (const [name, tally] of tallies) {
    if (tally.postings >= SKILL_MIN_POSTINGS && tally.organizations.size >= SKILL_MIN_ORGANIZATIONS) {
      candidates.push({
        name,
        postings: tally.postings,
        organizations: tally.organizations.size,
        confidence: Math.round((tally.organizations.size / tally.postings) * 1000) / 1000,
        exampleIds: tally.exampleIds,
      });
    }
  }
  return candidates.sort((a, b) => b.postings - a.postings || a.name.localeCompare(b.name));
}
