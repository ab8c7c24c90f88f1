/**
 * Classifies a cleaned job title into one of the title families by its cue words
 * (data/title-families.json). A strong cue names an occupation ("accountant", "customer
 * service"); a weak cue only hints at a field ("office", "operations"); generic nouns
 * ("officer", "specialist") decide nothing unless nothing else is there.
 */
import familiesData from './data/title-families.json' with { type: 'json' };
import { compilePhraseMatcher, type PhraseEntry } from './phrase-matcher.js';
import type { TitleFamily } from './vocabulary.js';

export type CueTier = 'strong' | 'weak' | 'generic';

export interface FamilyCue {
  family: TitleFamily;
  tier: CueTier;

  /** Offset of the cue in the title. */
  start: number;
}

const families = familiesData as Record<TitleFamily, { strong: string[]; weak: string[] }>;

// Generic nouns are listed under "other.weak"; they can only ever fall back to "other".
const GENERIC_FAMILY: TitleFamily = 'other';

const entries: PhraseEntry[] = [];
for (const [family, cues] of Object.entries(families) as Array<[TitleFamily, { strong: string[]; weak: string[] }]>) {
  const weakTier: CueTier = family === GENERIC_FAMILY ? 'generic' : 'weak';
  for (const phrase of cues.strong) entries.push({ phrase, key: `${family}|strong`, allowsPlural: true });
  for (const phrase of cues.weak) entries.push({ phrase, key: `${family}|${weakTier}`, allowsPlural: true });
}
const matcher = compilePhraseMatcher(entries);

/** Lists the family cues in `text` (or in its first `maxChars` characters), in order of position. */
export function findFamilyCues(text: string, maxChars?: number): FamilyCue[] {
  return matcher.findAll(text, maxChars).map((match) => {
    const [family, tier] = match.key.split('|') as [TitleFamily, CueTier];
    return { family, tier, start: match.start };
  });
}

/** Picks the family of the earliest cue of the best tier present, or null when there is none. */
export function pickFamily(cues: readonly FamilyCue[]): { family: TitleFamily; tier: CueTier } | null {
  for (const tier of ['strong', 'weak', 'generic'] as const) {
    const cue = cues.find((candidate) => candidate.tier === tier);
    if (cue !== undefined) return { family: cue.family, tier };
  }
  return null;
}

// A weak cue in body text counts half as much as a strong one; generic nouns do not count.
const BODY_CUE_WEIGHT: Record<CueTier, number> = { strong: 1, weak: 0.5, generic: 0 };

/** Picks the family with the highest weighted cue count in body text; ties go to the earliest. */
export function pickFamilyByFrequency(cues: readonly FamilyCue[]): TitleFamily | null {
  const counts = new Map<TitleFamily, number>();
  for (const cue of cues) {
    const weight = BODY_CUE_WEIGHT[cue.tier];
    if (weight > 0) counts.set(cue.family, (counts.get(cue.family) ?? 0) + weight);
  }

  let best: TitleFamily | null = null;
  let bestCount = 0;
  for (const [family, count] of counts) {
    if (count > bestCount) {
      best = family;
      bestCount = count;
    }
  }
  return best;
}
