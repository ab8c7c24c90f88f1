/**
 * Finds many known phrases in free text. The text is split into word tokens once and
 * phrases are looked up by their first token in a hash map, so the cost grows with the
 * text length, not with the vocabulary size. Shared by the location, title and skill
 * normalizers, which each compile their vocabulary once at module load.
 */
import { tokenize, type Token } from './tokenize.js';

export { tokenize, type Token } from './tokenize.js';

export interface PhraseMatch {
  /** The key the phrase was registered under (a county, a skill, a family cue). */
  key: string;

  /** The text as it appears in the input. */
  text: string;

  /** Offset of the first character, in UTF-16 code units. */
  start: number;

  /** Offset just past the last character. */
  end: number;
}

export interface PhraseEntry {
  phrase: string;
  key: string;

  /** Match only this exact letter case (for short uppercase forms such as "US" or "MEAL"). */
  isCaseSensitive?: boolean;

  /** Also match a plural of the last word ("nurse" → "nurses", "secretary" → "secretaries"). */
  allowsPlural?: boolean;
}

interface CompiledEntry {
  key: string;
  isCaseSensitive: boolean;
  allowsPlural: boolean;
  exactTokens: string[];
}

const APOSTROPHES = /['’`]/g;

export interface PhraseMatcher {
  /**
   * Returns the non-overlapping matches in order of position, preferring the longest phrase.
   * With `maxChars`, only words that end within the first `maxChars` characters are read.
   */
  findAll(text: string, maxChars?: number): PhraseMatch[];
}

/** Builds a matcher over a fixed vocabulary. */
export function compilePhraseMatcher(entries: readonly PhraseEntry[]): PhraseMatcher {
  const byFirstToken = new Map<string, CompiledEntry[]>();

  for (const entry of entries) {
    const variants = entry.isCaseSensitive === true ? [entry.phrase] : phraseVariants(entry.phrase);
    for (const variant of variants) {
      const tokens = tokenize(variant);
      if (tokens.length === 0) continue;

      const first = tokens[0]!.folded;
      const compiled: CompiledEntry = {
        key: entry.key,
        isCaseSensitive: entry.isCaseSensitive === true,
        allowsPlural: entry.allowsPlural === true,
        exactTokens: tokens.map((token) => (entry.isCaseSensitive === true ? token.exact : token.folded)),
      };
      const list = byFirstToken.get(first) ?? [];
      list.push(compiled);
      byFirstToken.set(first, list);
    }
  }

  // Longest phrases first, so "nairobi west" wins over "nairobi" at the same token.
  for (const list of byFirstToken.values()) list.sort((a, b) => b.exactTokens.length - a.exactTokens.length);
  const firstTokenFilter = buildFirstTokenFilter(byFirstToken.keys());

  // The filter is read from the token's character codes, so a word that starts no phrase never
  // has its folded text built.
  const findCandidates = (token: Token): CompiledEntry[] | undefined => {
    const length = token.foldedLength;
    const slotBase = filterSlotBase(token.foldedCodeAt(0), token.foldedCodeAt(1));
    let candidates = firstTokenFilter[(slotBase + length) & FILTER_MASK] === 1 ? byFirstToken.get(token.folded) : undefined;

    // singular() shortens a plural by one or two letters and keeps its first two.
    const mayBePlural =
      token.foldedCodeAt(length - 1) === 0x73 &&
      (firstTokenFilter[(slotBase + length - 1) & FILTER_MASK] === 1 || firstTokenFilter[(slotBase + length - 2) & FILTER_MASK] === 1);
    if (candidates === undefined && mayBePlural) candidates = byFirstToken.get(singular(token.folded));
    return candidates;
  };

  return {
    findAll(text: string, maxChars?: number): PhraseMatch[] {
      const tokens = readableTokens(tokenize(text), maxChars);
      const matches: PhraseMatch[] = [];
      let index = 0;
      while (index < tokens.length) {
        const candidates = findCandidates(tokens[index]!);
        const matched = candidates === undefined ? undefined : firstMatching(candidates, tokens, index);
        if (matched === undefined) {
          index += 1;
          continue;
        }

        const first = tokens[index]!;
        const last = tokens[index + matched.exactTokens.length - 1]!;
        matches.push({ key: matched.key, text: text.slice(first.start, last.end), start: first.start, end: last.end });
        index += matched.exactTokens.length;
      }
      return matches;
    },
  };
}

const FILTER_SLOTS = 1 << 16;

/**
 * Marks the slot of every first token, so a token whose slot is unmarked skips the map lookup.
 * Most words of a posting start no phrase, and this check costs a fraction of hashing the word.
 */
function buildFirstTokenFilter(firstTokens: Iterable<string>): Uint8Array {
  const filter = new Uint8Array(FILTER_SLOTS);
  for (const first of firstTokens) filter[filterSlot(first, first.length)] = 1;
  return filter;
}

const FILTER_MASK = FILTER_SLOTS - 1;

/** Hashes the first two letters and a length; a one-letter word hashes to slot 0. */
function filterSlot(word: string, length: number): number {
  return (filterSlotBase(word.charCodeAt(0), word.charCodeAt(1)) + length) & FILTER_MASK;
}

/** Computes the part of filterSlot that comes from the first two letters. A one-letter word gives NaN, which the mask turns into 0. */
function filterSlotBase(firstCode: number, secondCode: number): number {
  return firstCode * 961 + secondCode * 31;
}

/** Returns the tokens that end within `maxChars`, or all of them; tokens are in text order. */
function readableTokens(tokens: Token[], maxChars: number | undefined): Token[] {
  if (maxChars === undefined || tokens.length === 0 || tokens[tokens.length - 1]!.end <= maxChars) return tokens;

  let count = 0;
  while (count < tokens.length && tokens[count]!.end <= maxChars) count += 1;
  return tokens.slice(0, count);
}

/**
 * Returns the phrase as written and with its inner capitals lowered ("QuickBooks" → "Quickbooks"),
 * because the tokenizer splits "QuickBooks" at the case change but keeps "Quickbooks" whole.
 */
function phraseVariants(phrase: string): string[] {
  const lowered = phrase.replace(/[A-Z]/g, (letter, offset: number) => (offset === 0 ? letter : letter.toLowerCase()));
  return [...new Set([phrase, lowered])];
}

function firstMatching(candidates: CompiledEntry[], tokens: Token[], start: number): CompiledEntry | undefined {
  for (const candidate of candidates) {
    if (start + candidate.exactTokens.length > tokens.length) continue;
    if (tokensMatch(candidate, tokens, start)) return candidate;
  }
  return undefined;
}

function tokensMatch(candidate: CompiledEntry, tokens: Token[], start: number): boolean {
  const count = candidate.exactTokens.length;
  for (let offset = 0; offset < count; offset += 1) {
    const token = tokens[start + offset]!;
    const actual = candidate.isCaseSensitive ? token.exact : token.folded;
    const expected = candidate.exactTokens[offset]!;
    if (actual === expected) continue;

    const isLast = offset === count - 1;
    if (isLast && candidate.allowsPlural && singular(actual) === expected) continue;
    return false;
  }
  return true;
}

/** Returns a rough English singular, good enough for job-title and skill nouns. */
export function singular(word: string): string {
  if (!endsWithS(word)) return word;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes'))) {
    return word.slice(0, -2);
  }
  if (word.length > 3 && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function endsWithS(word: string): boolean {
  return word.charCodeAt(word.length - 1) === 0x73;
}

/** Lower-cases, drops apostrophes and collapses spaces and hyphens, so surface forms of one phrase compare equal. */
export function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[\s\-–]+/g, ' ')
    .trim();
}
