import { describe, expect, it } from 'vitest';

import { estimateJaccard, lshBandKeys, minhashSignature, minhashSignatureOfShingleText, normalizeForShingles, scalarMinhashSignatureOfShingleText } from './duplicate-key.js';
import { MinhashKernel } from './minhash-kernel.js';

const POSTING =
  'We are looking for an experienced accountant to manage the books of a growing retail chain in Nairobi. ' +
  'The accountant will prepare monthly financial statements, reconcile bank accounts, file tax returns with KRA ' +
  'and support the annual audit. Requirements: CPA(K), three years of experience and good knowledge of QuickBooks.';

describe('normalizeForShingles', () => {
  it('drops case, punctuation and extra spaces', () => {
    expect(normalizeForShingles('  Hello,   WORLD!\nKSh 50,000/= ')).toBe('hello world ksh 50 000');
  });

  it.each(['a b', 'a  b', 'a. b', 'a .b', ' .a', 'a b.', 'é–x', 'x\u00a0y', '...'])('folds %j like one space per non-word run', (text) => {
    expect(normalizeForShingles(text)).toBe(text.toLowerCase().replace(/[^a-z0-9\u00DF-\u024F]+/g, ' ').trim());
  });
});

describe('minhashSignature', () => {
  it('is deterministic', () => {
    expect(minhashSignature(POSTING)).toEqual(minhashSignature(POSTING));
  });

  it('keeps the values of signatures already stored', () => {
    const text = 'We are looking for an experienced accountant to manage the books of a growing retail chain in Nairobi. The accountant will prepare monthly financial statements.';

    const signature = minhashSignature(text);

    expect([...signature.slice(0, 4)]).toEqual([395491975, 369742040, 1176172585, 16081015]);
    expect(lshBandKeys(signature).slice(0, 2)).toEqual(['0:c26c1bec', '1:36573f13']);
    expect([...minhashSignature('Short one').slice(0, 2)]).toEqual([764565376, 3708127640]);
  });

  it('equals the signature of the folded text', () => {
    expect(minhashSignatureOfShingleText(normalizeForShingles(POSTING))).toEqual(minhashSignature(POSTING));
  });

  it('has bands times rows slots', () => {
    expect(minhashSignature(POSTING, { bands: 4, rows: 5 })).toHaveLength(20);
  });

  it('ignores formatting differences', () => {
    expect(estimateJaccard(minhashSignature(POSTING), minhashSignature(POSTING.toUpperCase().replace(/\./g, ' . ')))).toBe(1);
  });

  it('rates a lightly edited repost as similar', () => {
    const repost = POSTING.replace('three years', 'four years').replace('growing retail chain', 'growing supermarket chain');

    expect(estimateJaccard(minhashSignature(POSTING), minhashSignature(repost))).toBeGreaterThan(0.5);
  });

  it('rates an unrelated posting as dissimilar', () => {
    const other = 'Security guards needed for a warehouse in Mombasa; night shifts, KCSE certificate and good conduct required.';

    expect(estimateJaccard(minhashSignature(POSTING), minhashSignature(other))).toBeLessThan(0.1);
  });
});

describe('MinHash SIMD kernel', () => {
  /** Deterministic pseudo-random words, so a failure can be replayed. */
  function randomText(words: number, seed: number): string {
    let state = seed;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state;
    };
    return Array.from({ length: words }, () => (next() % 5000).toString(36)).join(' ');
  }

  it.each([0, 1, 4, 5, 6, 40, 700])('equals the scalar loop on %i words', (words) => {
    const text = normalizeForShingles(randomText(words, words + 7));

    expect(minhashSignatureOfShingleText(text)).toEqual(scalarMinhashSignatureOfShingleText(text));
  });

  it('equals the scalar loop at other sizes', () => {
    const text = normalizeForShingles(POSTING);
    const options = { bands: 5, rows: 4 };

    expect(minhashSignatureOfShingleText(text, options)).toEqual(scalarMinhashSignatureOfShingleText(text, options));
  });

  it('grows its memory for a long text', () => {
    // 60,000 shingles take 240 kB, more than the first 64 KiB page of the kernel's memory.
    const text = normalizeForShingles(randomText(60_000, 3));

    expect(minhashSignatureOfShingleText(text)).toEqual(scalarMinhashSignatureOfShingleText(text));
  });

  it('gives all-empty slots for an empty text', () => {
    expect([...minhashSignatureOfShingleText('')]).toEqual(new Array(128).fill(0xffffffff));
  });

  it('rejects a slot count not a multiple of 4', () => {
    expect(() => new MinhashKernel(new Int32Array(6), new Int32Array(6))).toThrow(/multiple of 4 slots, got 6/);
  });
});

describe('lshBandKeys', () => {
  it('returns one key per band', () => {
    const keys = lshBandKeys(minhashSignature(POSTING));

    expect(keys).toHaveLength(16);
    expect(keys[0]).toMatch(/^0:[0-9a-f]{8}$/);
  });

  it('shares a band key between near-duplicates', () => {
    const repost = `${POSTING} Apply by 30th June.`;
    const shared = lshBandKeys(minhashSignature(POSTING)).filter((key) => lshBandKeys(minhashSignature(repost)).includes(key));

    expect(shared.length).toBeGreaterThan(0);
  });
});

describe('estimateJaccard', () => {
  it('returns 0 for empty signatures', () => {
    expect(estimateJaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });
});
