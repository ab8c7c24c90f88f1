import { describe, expect, it } from 'vitest';

import { lshBandKeys, minhashSignature } from '../../normalize/duplicate-key.js';
import { findDuplicateLinks, type DedupeMember } from './find-duplicate-links.js';

const ADVERT =
  'Kenya Power is hiring an accountant to prepare monthly management accounts, reconcile supplier statements, ' +
  'process payroll for 400 staff, file VAT and PAYE returns with KRA, support the annual audit and maintain the fixed asset register. ' +
  'Requirements: Bachelor of Commerce (Accounting option), CPA Part III, three years of experience in a busy finance office, ' +
  'working knowledge of Sage and QuickBooks, strong Excel skills and integrity.';
const OTHER_ADVERT =
  'A fast-growing logistics company in Mombasa seeks a driver with a clean licence of class BCE, five years of experience ' +
  'driving trucks between Mombasa and Nairobi, knowledge of the Northern Corridor, a certificate of good conduct and first aid training. ' +
  'Applicants should send a CV and copies of certificates before the closing date.';

function member(jobId: string, text: string, overrides: Partial<DedupeMember> = {}): DedupeMember {
  const signature = minhashSignature(text);
  return {
    jobId,
    groupKey: 'kenya power|accountant',
    signature,
    bandKeys: lshBandKeys(signature),
    firstSeen: new Date('2026-01-10T00:00:00Z'),
    duplicateOf: null,
    ...overrides,
  };
}

describe('findDuplicateLinks', () => {
  it('links a batch posting to an earlier stored copy', () => {
    const stored = member('10', ADVERT, { firstSeen: new Date('2026-01-01T00:00:00Z') });
    const copy = member('20', `${ADVERT} Apply via the BrighterMonday portal.`);

    expect(findDuplicateLinks([copy], [stored])).toEqual([{ jobId: '20', duplicateOf: '10' }]);
  });

  it('repoints a stored posting when the batch holds an earlier copy', () => {
    const stored = member('10', ADVERT, { firstSeen: new Date('2026-02-01T00:00:00Z') });
    const earlier = member('20', ADVERT, { firstSeen: new Date('2026-01-01T00:00:00Z') });

    expect(findDuplicateLinks([earlier], [stored])).toEqual([{ jobId: '10', duplicateOf: '20' }]);
  });

  it('breaks first_seen ties by the lowest id', () => {
    const batch = [member('12', ADVERT), member('9', ADVERT), member('100', ADVERT)];

    expect(findDuplicateLinks(batch, [])).toEqual([
      { jobId: '12', duplicateOf: '9' },
      { jobId: '100', duplicateOf: '9' },
    ]);
  });

  it('follows a stored link to the earliest posting', () => {
    const root = member('1', ADVERT, { firstSeen: new Date('2025-12-01T00:00:00Z'), bandKeys: [] });
    const follower = member('5', ADVERT, { duplicateOf: '1' });
    const copy = member('30', ADVERT);

    expect(findDuplicateLinks([copy], [follower, root])).toEqual([{ jobId: '30', duplicateOf: '1' }]);
  });

  it('keeps different adverts apart', () => {
    const stored = member('10', ADVERT);
    const other = member('20', OTHER_ADVERT);

    expect(findDuplicateLinks([other], [stored])).toEqual([]);
  });

  it('keeps the same text of another employer apart', () => {
    const stored = member('10', ADVERT, { groupKey: 'kenya power|accountant' });
    const sameText = member('20', ADVERT, { groupKey: 'kengen|accountant' });

    expect(findDuplicateLinks([sameText], [stored])).toEqual([]);
  });

  it('ignores a stored posting without a signature', () => {
    const stored = member('10', ADVERT, { signature: null });

    expect(findDuplicateLinks([member('20', ADVERT)], [stored])).toEqual([]);
  });

  it('rejects a pair below the similarity threshold', () => {
    const stored = member('10', ADVERT);
    const copy = member('20', ADVERT);

    expect(findDuplicateLinks([copy], [stored], 1.01)).toEqual([]);
  });
});
