/**
 * Similarity of two canonical job titles, 0–1: the larger of the Dice coefficient of their word
 * sets (after expanding common abbreviations) and the Dice coefficient of their character
 * bigrams. Words catch reordering ("officer finance" ~ "finance officer"); bigrams catch
 * spelling variants ("accounts assistant" ~ "accountant assistant").
 */
import { singular } from '../../normalize/phrase-matcher.js';

// Abbreviations seen in Kenyan job titles, expanded before words are compared.
const ABBREVIATIONS: Record<string, string> = {
  asst: 'assistant',
  admin: 'administrative',
  mgr: 'manager',
  acct: 'accountant',
  accts: 'account',
  hr: 'human resource',
  ict: 'information technology',
  it: 'information technology',
  m: 'monitoring',
  e: 'evaluation',
  eng: 'engineer',
  tech: 'technician',
  rep: 'representative',
  exec: 'executive',
};

const IGNORED_WORDS = new Set(['and', 'of', 'the', 'for', 'in', '&']);

/** Returns the similarity of two titles, 1 for equal word sets. */
export function titleSimilarity(a: string, b: string): number {
  return Math.max(dice(titleWords(a), titleWords(b)), dice(characterBigrams(a), characterBigrams(b)));
}

function titleWords(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' '))
    .filter((word) => word.length > 0 && !IGNORED_WORDS.has(word))
    .map(singular);
  return new Set(words);
}

function characterBigrams(title: string): Set<string> {
  const letters = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const bigrams = new Set<string>();
  for (let index = 0; index + 2 <= letters.length; index += 1) {
    bigrams.add(letters.slice(index, index + 2));
  }
  return bigrams;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) {
    return 0;
  }

  let shared = 0;
  for (const item of a) {
    if (b.has(item)) shared += 1;
  }
  return (2 * shared) / (a.size + b.size);
}
