/**
 * Derives title proposals from the canonical titles the rules gave unique postings:
 * - an alias, when a recurring canonical title that is not yet established is nearly the same as
 *   an established one ("accounts assistant" → "accountant assistant"), so both count as one;
 * - a new canonical title with a suggested family, when a recurring title has no family.
 * Titles that are already established, or seen only once, get no proposal.
 */
import type { TitleFamilyGroup } from '../../db/queries/learn-sources.js';
import { TITLE_FAMILIES, type TitleFamily } from '../../normalize/vocabulary.js';
import type { TitlePrediction } from '../optimize/title-classifier.js';
import { titleSimilarity } from './title-similarity.js';

export interface TitleProposal {
  /** The canonical title the rules give; the normalizer looks the alias up by it. */
  key: string;
  family: TitleFamily;
  canonical: string;
  isNewCanonical: boolean;

  /** Source of the family: the nearest established title or the classifier. */
  familySource: 'similar_title' | 'classifier';
  similarTo: string | null;
  support: number;
  organizations: number;

  /** Title similarity for aliases, classifier probability or title similarity for new titles; 0–1. */
  confidence: number;
  exampleIds: string[];
  exampleTitle: string;
}

export interface TitleAliasOptions {
  /** Family prediction for titles the rules could not place, when a classifier has been trained. */
  classify?: (title: string) => TitlePrediction | null;
}

/** A title recurs when this many unique postings carry it. */
export const MIN_TITLE_SUPPORT = 2;

/** A canonical title with this many postings and a family is established: aliases point at it. */
export const ESTABLISHED_TITLE_SUPPORT = 3;

// Canonical titles that are only a generic noun ("manager") name no occupation; the bigram
// similarity would otherwise pair every "hr manager" or "pr manager" with them.
const GENERIC_TITLES = new Set(['officer', 'manager', 'assistant', 'intern', 'associate', 'specialist', 'coordinator', 'consultant', 'supervisor', 'director', 'executive', 'lead', 'head']);

// Below 0.8 the bigram similarity pairs different jobs that share a head word ("sales officer" ~
// "safety officer" scores 0.64, "finance officer" ~ "finance manager" 0.67), so aliases need at least this much.
export const ALIAS_MIN_SIMILARITY = 0.8;

// A family borrowed from the nearest established title needs at least this similarity.
const FAMILY_MIN_SIMILARITY = 0.5;

const FAMILIES: ReadonlySet<string> = new Set(TITLE_FAMILIES);

interface CanonicalTitle {
  canonical: string;
  family: TitleFamily | null;
  postings: number;
  organizations: number;
  exampleIds: string[];
  exampleTitle: string;
}

/** Returns the proposals, highest support first. */
export function deriveTitleAliases(groups: readonly TitleFamilyGroup[], options: TitleAliasOptions = {}): TitleProposal[] {
  const titles = mergeByCanonical(groups);
  const established = titles.filter((title) => title.family !== null && title.postings >= ESTABLISHED_TITLE_SUPPORT && !GENERIC_TITLES.has(title.canonical));
  const establishedNames = new Set(established.map((title) => title.canonical));

  const proposals: TitleProposal[] = [];
  for (const title of titles) {
    if (title.postings < MIN_TITLE_SUPPORT || establishedNames.has(title.canonical)) {
      continue;
    }

    const nearest = findNearest(title.canonical, established);
    if (nearest !== null && nearest.similarity >= ALIAS_MIN_SIMILARITY) {
      proposals.push(toProposal(title, { family: nearest.title.family!, canonical: nearest.title.canonical, isNewCanonical: false, familySource: 'similar_title', similarTo: nearest.title.canonical, confidence: nearest.similarity }));
    } else if (title.family === null) {
      const suggestion = suggestFamily(title.canonical, nearest, options);
      if (suggestion !== null) {
        proposals.push(toProposal(title, { ...suggestion, canonical: title.canonical, isNewCanonical: true }));
      }
    }
  }
  return proposals.sort((a, b) => b.support - a.support || a.key.localeCompare(b.key));
}

/** Folds the per-family rows of each canonical title into one, keeping the family of most postings. */
function mergeByCanonical(groups: readonly TitleFamilyGroup[]): CanonicalTitle[] {
  const byCanonical = new Map<string, TitleFamilyGroup[]>();
  for (const group of groups) {
    byCanonical.set(group.canonical, [...(byCanonical.get(group.canonical) ?? []), group]);
  }

  return [...byCanonical.entries()].map(([canonical, rows]) => {
    const placed = rows.filter((row) => row.family !== null && FAMILIES.has(row.family)).sort((a, b) => b.postings - a.postings);
    return {
      canonical,
      family: (placed[0]?.family ?? null) as TitleFamily | null,
      postings: rows.reduce((sum, row) => sum + row.postings, 0),
      // NOTE: an organization that posted the title under two families is counted twice.
      organizations: rows.reduce((sum, row) => sum + row.organizations, 0),
      exampleIds: rows.flatMap((row) => row.exampleIds).slice(0, 5),
      exampleTitle: rows[0]!.exampleTitle,
    };
  });
}

function findNearest(canonical: string, established: readonly CanonicalTitle[]): { title: CanonicalTitle; similarity: number } | null {
  let best: { title: CanonicalTitle; similarity: number } | null = null;
  for (const title of established) {
    const similarity = titleSimilarity(canonical, title.canonical);
    if (best === null || similarity > best.similarity) {
      best = { title, similarity };
    }
  }
  return best;
}

function suggestFamily(
  canonical: string,
  nearest: { title: CanonicalTitle; similarity: number } | null,
  options: TitleAliasOptions,
): Pick<TitleProposal, 'family' | 'familySource' | 'similarTo' | 'confidence'> | null {
  const predicted = options.classify?.(canonical) ?? null;
  if (predicted !== null) {
    return { family: predicted.family, familySource: 'classifier', similarTo: null, confidence: predicted.probability };
  }
  if (nearest !== null && nearest.similarity >= FAMILY_MIN_SIMILARITY) {
    return { family: nearest.title.family!, familySource: 'similar_title', similarTo: nearest.title.canonical, confidence: nearest.similarity };
  }
  return null;
}

function toProposal(
  title: CanonicalTitle,
  mapping: Pick<TitleProposal, 'family' | 'canonical' | 'isNewCanonical' | 'familySource' | 'similarTo' | 'confidence'>,
): TitleProposal {
  return {
    key: title.canonical,
    ...mapping,
    confidence: Math.round(mapping.confidence * 1000) / 1000,
    support: title.postings,
    organizations: title.organizations,
    exampleIds: title.exampleIds,
    exampleTitle: title.exampleTitle,
  };
}
