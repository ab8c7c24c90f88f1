import { describe, expect, it } from 'vitest';

import { matchNearLiterals } from './match-near-literals.js';

const LABEL = /(?:\bjob|\bemployment|\[|\b)\s*type\s*:?\s*(?=[A-Za-z])/gi;

function spans(matches: Iterable<RegExpExecArray>): Array<[number, string]> {
  return [...matches].map((match) => [match.index, match[0]]);
}

describe('matchNearLiterals', () => {
  it.each([
    ['Job Type: Full Time. Employment Type: Contract. [Type: FULL_TIME'],
    ['no labels here at all'],
    ['typeType: x type:y Job TypeFull Time'],
    ['Typewriter repair. Job type : Part Time'],
  ])('equals matchAll on %j', (text) => {
    const expected = spans(text.matchAll(LABEL));

    expect(spans(matchNearLiterals(text, text.toLowerCase(), LABEL, ['type'], 12))).toEqual(expected);
  });

  it('scans the whole text when lower-casing changes its length', () => {
    const text = 'İstanbul office. Job Type: Contract';
    const lower = text.toLowerCase();

    expect(lower.length).not.toBe(text.length);
    expect(spans(matchNearLiterals(text, lower, LABEL, ['type'], 12))).toEqual(spans(text.matchAll(LABEL)));
  });

  it('misses a match whose literal sits beyond maxCharsBefore', () => {
    const pattern = /employment\s+type/g;

    expect(spans(matchNearLiterals('employment type', 'employment type', pattern, ['type'], 3))).toEqual([]);
  });
});
