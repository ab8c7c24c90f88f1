/**
 * The one text preparation every rule-based normalizer shares: furniture stripped, whitespace
 * collapsed and a lower-cased copy for substring pre-checks. normalizePosting prepares a posting
 * once and hands the result to each normalizer. A normalizer called with a plain string prepares
 * it itself, so direct calls and combined calls see the same text.
 */
import { stripPageFurniture } from './strip-page-furniture.js';
import { collapseWhitespace } from './collapse-whitespace.js';

export interface PostingText {
  /** The page text as given, furniture included; only the dates normalizer reads it (for a sidebar entry). */
  readonly raw: string;

  /** Furniture stripped and every run of whitespace collapsed to one space. */
  readonly text: string;

  /**
   * `text` lower-cased, for `includes` checks that decide whether a costly regular expression is worth
   * running. Offsets into it equal offsets into `text` only when both have the same length ("İ" lengthens).
   */
  readonly lower: string;
}

/**
 * Prepares page text for the normalizers. `stripped` is the same text with furniture already
 * stripped (and perhaps extended with a separate requirements text), when the caller has it.
 */
export function preparePostingText(raw: string, stripped: string = stripPageFurniture(raw)): PostingText {
  const text = collapseWhitespace(stripped);
  return { raw, text, lower: text.toLowerCase() };
}

/** Returns `input` when it is already prepared, else prepares it; null and undefined read as empty text. */
export function toPostingText(input: string | PostingText | null | undefined): PostingText {
  if (input === null || input === undefined) return EMPTY;
  return typeof input === 'string' ? preparePostingText(input) : input;
}

const EMPTY: PostingText = { raw: '', text: '', lower: '' };
