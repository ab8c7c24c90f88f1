/**
 * Word tokens for the phrase matcher. A token is a run of Latin letters and digits, optionally
 * joined to more of them by a dot, apostrophe or ampersand ("node.js", "murang'a", "m&e") or
 * followed by plus or hash signs ("c++", "c#"). Scrapers often glue block texts together
 * ("LocationNairobiJob Field"), so a lower-to-upper case change inside a token is a word break.
 * The scan walks character codes instead of running a regular expression and builds each
 * lower-case token from one lower-cased copy of the text; on the legacy postings this took about
 * 0.7 of the regular-expression version's time.
 */

export class Token {
  /** Set when the token is made (apostrophes removed, or no lower-cased copy of the text), else on first read. */
  #folded: string | undefined;

  constructor(
    private readonly source: string,

    /** The source lower-cased with the same offsets, or null when lower-casing changed its length. */
    private readonly lower: string | null,

    /** Offset of the first character, in UTF-16 code units. */
    readonly start: number,

    /** Offset just past the last character. */
    readonly end: number,

    folded?: string,
  ) {
    this.#folded = folded;
  }

  /**
   * Lower-cased, apostrophes removed. Built on first read: most words of a posting start no
   * phrase, and a matcher rules them out from foldedCodeAt alone.
   */
  get folded(): string {
    this.#folded ??= this.lower!.slice(this.start, this.end);
    return this.#folded;
  }

  get foldedLength(): number {
    return this.#folded === undefined ? this.end - this.start : this.#folded.length;
  }

  /** Returns the UTF-16 code unit of `folded` at `index`, NaN past either end, without building `folded`. */
  foldedCodeAt(index: number): number {
    if (this.#folded !== undefined) return this.#folded.charCodeAt(index);
    return index >= 0 && index < this.end - this.start ? this.lower!.charCodeAt(this.start + index) : NaN;
  }

  /** As written, apostrophes removed; built on request because only case-sensitive phrases need it. */
  get exact(): string {
    const written = this.source.slice(this.start, this.end);
    return HAS_APOSTROPHE.test(written) ? written.replace(APOSTROPHES, '') : written;
  }
}

const APOSTROPHES = /['’`]/g;
const HAS_APOSTROPHE = /['’`]/;

// Texts shorter than this (titles, title segments, facet values) are cheap to tokenize and are not
// cached, so they never push a posting body out of the cache.
const MIN_CACHED_CHARS = 200;

// The location, skill and title normalizers scan the same posting body in a row; the last two are reused.
const RECENT_TOKENIZATIONS = 2;
const recentTexts: string[] = [];
const recentTokens: Token[][] = [];

/** Splits text into word tokens with their offsets, breaking glued words at case changes. */
export function tokenize(text: string): Token[] {
  if (text.length < MIN_CACHED_CHARS) return scanTokens(text);

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

// The text's UTF-16 code units, copied once per scan and reused from text to text: reading a typed
// array is faster than charCodeAt on the sliced strings that replace() and slice() return.
let codeUnits = new Uint16Array(16 * 1024);

function scanTokens(text: string): Token[] {
  const lowered = text.toLowerCase();
  // Lower-casing a few letters ("İ") lengthens the text; offsets then differ and each piece is lowered alone.
  const lower = lowered.length === text.length ? lowered : null;
  const tokens: Token[] = [];
  const length = text.length;

  // Two zero sentinels end every word and joiner run at the end of the text.
  if (codeUnits.length < length + 2) codeUnits = new Uint16Array(length * 2 + 2);
  const codes = codeUnits;
  for (let index = 0; index < length; index += 1) codes[index] = text.charCodeAt(index);
  codes[length] = 0;
  codes[length + 1] = 0;

  let index = 0;
  while (index < length) {
    if (!isWordCode(codes[index]!)) {
      index += 1;
      continue;
    }

    const start = index;
    let hasApostrophe = false;
    index = skipWordCodes(codes, index);
    for (;;) {
      const code = codes[index]!;
      if (isJoinerCode(code) && isWordCode(codes[index + 1]!)) {
        hasApostrophe ||= code !== 0x2e && code !== 0x26;
        index = skipWordCodes(codes, index + 1);
      } else if (code === 0x2b || code === 0x23) {
        while (codes[index] === 0x2b || codes[index] === 0x23) index += 1;
      } else {
        break;
      }
    }
    pushPieces(tokens, codes, text, lower, start, index, hasApostrophe);
  }
  return tokens;
}

/** Pushes the token text[start, end), split where a lower-case letter is followed by an upper-case one. */
function pushPieces(tokens: Token[], codes: Uint16Array, text: string, lower: string | null, start: number, end: number, hasApostrophe: boolean): void {
  let pieceStart = start;
  for (let index = start + 1; index < end; index += 1) {
    if (isLowerCode(codes[index - 1]!) && isUpperCode(codes[index]!)) {
      tokens.push(makeToken(text, lower, pieceStart, index, hasApostrophe));
      pieceStart = index;
    }
  }
  tokens.push(makeToken(text, lower, pieceStart, end, hasApostrophe));
}

function makeToken(text: string, lower: string | null, start: number, end: number, hasApostrophe: boolean): Token {
  if (lower !== null && !hasApostrophe) return new Token(text, lower, start, end);

  let folded = lower === null ? text.slice(start, end).toLowerCase() : lower.slice(start, end);
  if (hasApostrophe) folded = folded.replace(APOSTROPHES, '');
  return new Token(text, lower, start, end, folded);
}

function skipWordCodes(codes: Uint16Array, from: number): number {
  let index = from;
  while (isWordCode(codes[index]!)) index += 1;
  return index;
}

/** [A-Za-z0-9] and U+00C0–U+024F (Latin-1 Supplement from À, Latin Extended-A and -B). */
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  return code >= 0xc0 && code <= 0x24f;
}

/** Dot, apostrophe, right single quotation mark, backtick, ampersand. */
function isJoinerCode(code: number): boolean {
  return code === 0x2e || code === 0x27 || code === 0x2019 || code === 0x60 || code === 0x26;
}

function isLowerCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff);
}

function isUpperCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde);
}
