/**
 * Whitespace collapsing for the normalizers, which run it on every posting body.
 */

// Matches only runs that change: a whitespace character other than a plain space, or a space
// followed by more whitespace. A lone space between words, the common case, is left unmatched,
// which makes this about three times faster than replacing every /\s+/ run (Node 20, gold postings).
const CHANGING_WHITESPACE_RUN = /[^\S ]\s*| \s+/g;

/** Replaces every run of whitespace with one space; the same result as `text.replace(/\s+/g, ' ')`. */
export function collapseWhitespace(text: string): string {
  return text.replace(CHANGING_WHITESPACE_RUN, ' ');
}
