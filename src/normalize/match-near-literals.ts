/**
 * Runs a regular expression only where it can match. Many normalizer patterns start with
 * optional words or a `\b` alternative that the engine tries at every position, although each
 * match contains one of a few fixed words ("type", "experience"). Finding those words with
 * `indexOf` first and starting the scan just before them gives the same matches for less work.
 */

/**
 * Yields the matches of the global `pattern` in `text`, exactly as `text.matchAll(pattern)` would,
 * provided every match contains one of `literals` (lower case) starting at most `maxCharsBefore`
 * characters after the match starts. `lower` is `text` lower-cased; when lower-casing changed the
 * length, offsets differ and the whole text is scanned instead.
 */
export function* matchNearLiterals(
  text: string,
  lower: string,
  pattern: RegExp,
  literals: readonly string[],
  maxCharsBefore: number,
): Generator<RegExpExecArray> {
  // matchAll starts at the pattern's lastIndex, so it is reset before the fallback and after every scan.
  pattern.lastIndex = 0;
  if (lower.length !== text.length) {
    yield* text.matchAll(pattern);
    return;
  }

  try {
    let cursor = 0;
    for (;;) {
      const literalAt = firstIndexOf(lower, literals, cursor);
      if (literalAt === -1) return;

      // A match that starts at or after the cursor contains a literal at or after literalAt, so it cannot start earlier than this.
      pattern.lastIndex = Math.max(cursor, literalAt - maxCharsBefore);
      const match = pattern.exec(text);
      if (match === null) return;

      yield match;
      cursor = match[0].length === 0 ? match.index + 1 : match.index + match[0].length;
    }
  } finally {
    pattern.lastIndex = 0;
  }
}

function firstIndexOf(lower: string, literals: readonly string[], from: number): number {
  let first = -1;
  for (const literal of literals) {
    const index = lower.indexOf(literal, from);
    if (index !== -1 && (first === -1 || index < first)) first = index;
  }
  return first;
}
