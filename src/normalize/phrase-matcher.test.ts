import { describe, expect, it } from 'vitest';

import { compilePhraseMatcher, phraseKey, singular, tokenize } from './phrase-matcher.js';

describe('compilePhraseMatcher', () => {
  const matcher = compilePhraseMatcher([
    { phrase: 'Nairobi', key: 'nairobi' },
    { phrase: 'Nairobi West', key: 'nairobi-west' },
    { phrase: "Murang'a", key: 'muranga' },
    { phrase: 'nurse', key: 'nurse', allowsPlural: true },
    { phrase: 'secretary', key: 'secretary', allowsPlural: true },
    { phrase: 'US', key: 'us', isCaseSensitive: true },
    { phrase: 'QuickBooks', key: 'quickbooks' },
  ]);
  const keys = (text: string): string[] => matcher.findAll(text).map((match) => match.key);

  it('prefers the longest phrase at a position', () => {
    expect(keys('Office in Nairobi West, near Nairobi CBD')).toEqual(['nairobi-west', 'nairobi']);
  });

  it('matches any apostrophe or none', () => {
    expect(keys('Muranga, Murang’a and MURANG`A')).toEqual(['muranga', 'muranga', 'muranga']);
  });

  it('matches plurals when allowed', () => {
    expect(keys('Nurses and Secretaries')).toEqual(['nurse', 'secretary']);
  });

  it('respects letter case when asked', () => {
    expect(keys('Join us in the US')).toEqual(['us']);
  });

  it('splits words glued at a case change', () => {
    expect(keys('LocationNairobiJob Field')).toEqual(['nairobi']);
  });

  it('matches a brand written glued or apart', () => {
    expect(keys('Quickbooks, QuickBooks or quick books')).toEqual(['quickbooks', 'quickbooks', 'quickbooks']);
  });

  it('reports offsets into the original text', () => {
    const [match] = matcher.findAll('in Nairobi West.');

    expect(match).toEqual({ key: 'nairobi-west', text: 'Nairobi West', start: 3, end: 15 });
  });
});

describe('tokenize', () => {
  it('keeps symbols that belong to a word', () => {
    expect(tokenize('C++, C#, Node.js and M&E').map((token) => token.folded)).toEqual(['c++', 'c#', 'node.js', 'and', 'm&e']);
  });

  it('ends words at the end of the text', () => {
    // A longer text scanned first leaves word characters past the end of the shorter ones.
    tokenize('x'.repeat(300));

    expect(tokenize('Node.').map((token) => token.folded)).toEqual(['node']);
    expect(tokenize('C++').map((token) => token.folded)).toEqual(['c++']);
    expect(tokenize("Murang'").map((token) => token.folded)).toEqual(['murang']);
  });

  it('splits glued words and keeps offsets', () => {
    const tokens = tokenize('LocationNairobi');

    expect(tokens.map((token) => [token.folded, token.start, token.end])).toEqual([
      ['location', 0, 8],
      ['nairobi', 8, 15],
    ]);
  });
});

describe('singular', () => {
  it.each([
    ['nurses', 'nurse'],
    ['secretaries', 'secretary'],
    ['coaches', 'coach'],
    ['business', 'business'],
  ])('turns %s into %s', (word, expected) => {
    expect(singular(word)).toBe(expected);
  });
});

describe('phraseKey', () => {
  it('folds case, apostrophes and hyphens', () => {
    expect(phraseKey("Taita-Taveta  Murang'a")).toBe('taita taveta muranga');
  });
});
