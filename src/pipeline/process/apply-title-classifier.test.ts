import { describe, expect, it } from 'vitest';

import { normalizePosting, type NormalizedPosting } from '../../normalize/normalize-posting.js';
import { trainTitleClassifier } from '../optimize/title-classifier.js';
import { applyTitleClassifier } from './apply-title-classifier.js';

const MODEL = trainTitleClassifier([
  { title: 'Flimflam Zorblaxer', family: 'skilled_trades', weight: 20 },
  { title: 'Senior Flimflam Zorblaxer', family: 'skilled_trades', weight: 5 },
  { title: 'Accountant', family: 'finance_accounting', weight: 20 },
  { title: 'Software Developer', family: 'technology', weight: 20 },
]);

function normalized(title: string): NormalizedPosting {
  return normalizePosting({
    url: 'https://www.example.co.ke/job/1',
    source: 'example.co.ke',
    title,
    text: `${title}\nWe are hiring in Nairobi. Apply by email.`,
    fetchedAt: new Date('2026-12-01T08:00:00Z'),
  });
}

describe('applyTitleClassifier', () => {
  it('fills a family the rules left empty', () => {
    const posting = normalized('Flimflam Zorblaxer');
    expect(posting.titleFamily).toBeNull();

    const result = applyTitleClassifier(posting, 'Flimflam Zorblaxer', MODEL);

    expect(result.titleFamily).toBe('skilled_trades');
    expect(result.titleConfidence).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps a family the rules decided', () => {
    const posting = normalized('Accountant');
    const result = applyTitleClassifier(posting, 'Accountant', MODEL);

    expect(result.titleFamily).toBe(posting.titleFamily);
    expect(result).toBe(posting);
  });

  it('leaves the family empty without a model', () => {
    const posting = normalized('Flimflam Zorblaxer');
    expect(applyTitleClassifier(posting, 'Flimflam Zorblaxer', null).titleFamily).toBeNull();
  });

  it('leaves the family empty for unknown words', () => {
    const posting = normalized('Quuxwright');
    expect(applyTitleClassifier(posting, 'Quuxwright', MODEL).titleFamily).toBeNull();
  });

  it('leaves non-jobs alone', () => {
    const posting: NormalizedPosting = { ...normalized('Flimflam Zorblaxer'), nonJobReason: 'category page' };
    expect(applyTitleClassifier(posting, 'Flimflam Zorblaxer', MODEL).titleFamily).toBeNull();
  });
});
