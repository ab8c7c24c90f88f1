/**
 * Small counts as adverts write them: "5", "five", "five (5)", "(5)", "1.5".
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
};

/**
 * Regex source for one count, without groups of its own, so callers can wrap it in a named group.
 * A word may be followed by its digits in brackets, as Kenyan public adverts do: "five (5)".
 * Digits need no word boundary before them because glued page text has "Minimum3 years".
 * They must not be part of a longer number such as "2019" or "5,000".
 */
export const COUNT_SOURCE =
  `(?:(?<![\\d.,])\\d{1,2}(?:\\.\\d)?(?![\\d,])|\\(\\d{1,2}\\)` +
  `|\\b(?:${Object.keys(NUMBER_WORDS).join('|')})\\b(?:\\s*\\(\\d{1,2}\\))?)`;

/** Parses a token matched by COUNT_SOURCE; returns null for anything else. Digits in brackets win over the word. */
export function parseCount(token: string): number | null {
  const bracketed = /\((\d{1,2})\)/.exec(token);
  if (bracketed?.[1] !== undefined) return Number(bracketed[1]);

  const trimmed = token.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return NUMBER_WORDS[trimmed] ?? null;
}
