/**
 * Finds many known phrases in free text. The text is split into word tokens once and
 * phrases are looked up by their first token in a hash map, so the cost grows with the
 * text length, not with the vocabulary size. Shared by the location, title and skill
 * normalizers, which each compile their vocabulary once at module load.
 */

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

export interface PhraseMatcher {
  /** Returns the non-overlapping matches in order of position, preferring the longest phrase. */
  findAll(text: string): PhraseMatch[];
}

export interface Token {
  /** Lower-cased, apostrophes removed. */
  folded: string;

  /** As written, apostrophes removed. */
  exact: string;
  start: number;
  end: number;
}

interface CompiledEntry {
  key: string;
  isCaseSensitive: boolean;
  allowsPlural: boolean;
  exactTokens: string[];
}

// A word, optionally joined to more word characters by a dot, apostrophe or ampersand
// ("node.js", "murang'a", "m&e"), or followed by plus or hash signs ("c++", "c#"). Latin
// letters only, because explicit ranges run several times faster than Unicode classes here.
const TOKEN = /[A-Za-z0-9\u00C0-\u024F]+(?:[.'’`&][A-Za-z0-9\u00C0-\u024F]+|[+#]+)*/g;
const APOSTROPHES = /['’`]/g;
const HAS_APOSTROPHE = /['’`]/;

// Scrapers often glue block texts together ("LocationNairobiJob Field"); a lower-to-upper
// case change inside a token is treated as a word break.
const HAS_CAMEL_BREAK = /[a-z\u00DF-\u00FF][A-Z\u00C0-\u00DE]/;
const CAMEL_BREAK = /(?<=[a-z\u00DF-\u00FF])(?=[A-Z\u00C0-\u00DE])/;

// Several normalizers scan the same posting text in a row; the last few tokenizations are reused.
const RECENT_TOKENIZATIONS = 4;
const recentTexts: string[] = [];
const recentTokens: Token[][] = [];

/** Splits text into word tokens with their offsets, breaking glued words at case changes. */
export function tokenize(text: string): Token[] {
  const cached = recentTexts.indexOf(text);
  if (cached >= 0) return recentTokens[cached]!;

  const tokens = scanTokens(text);
  recentTexts.unshift(text);
  recentTokens.unshift(tokens);
  if (recentTexts.length > RECENT_TOKENIZATIONS) {
    recentTexts.pop();
    recentTokens.pop();
  }
  return tokens;
}

function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let found = TOKEN.exec(text); found !== null; found = TOKEN.exec(text)) {
    const word = found[0];
    if (!HAS_CAMEL_BREAK.test(word)) {
      tokens.push(makeToken(word, found.index));
      continue;
    }

    let offset = found.index;
    for (const piece of word.split(CAMEL_BREAK)) {
      tokens.push(makeToken(piece, offset));
      offset += piece.length;
    }
  }
  return tokens;
}

function makeToken(piece: string, start: number): Token {
  const exact = HAS_APOSTROPHE.test(piece) ? piece.replace(APOSTROPHES, '') : piece;
  return { folded: exact.toLowerCase(), exact, start, end: start + piece.length };
}

/** Builds a matcher over a fixed vocabulary. */
export function compilePhraseMatcher(entries: readonly PhraseEntry[]): PhraseMatcher {
  const byFirstToken = new Map<string, CompiledEntry[]>();
  const maxTokensByFirst = new Map<string, number>();

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
      maxTokensByFirst.set(first, Math.max(maxTokensByFirst.get(first) ?? 0, tokens.length));
    }
  }

  // Longest phrases first, so "nairobi west" wins over "nairobi" at the same token.
  for (const list of byFirstToken.values()) list.sort((a, b) => b.exactTokens.length - a.exactTokens.length);

  return {
    findAll(text: string): PhraseMatch[] {
      const tokens = tokenize(text);
      const matches: PhraseMatch[] = [];
      let index = 0;
      while (index < tokens.length) {
        const folded = tokens[index]!.folded;
        const candidates = byFirstToken.get(folded) ?? (folded.endsWith('s') ? byFirstToken.get(singular(folded)) : undefined);
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
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ch|sh|ss|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-cases, drops apostrophes and collapses spaces and hyphens, so surface forms of one phrase compare equal. */
export function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[\s\-–]+/g, ' ')
    .trim();
}
