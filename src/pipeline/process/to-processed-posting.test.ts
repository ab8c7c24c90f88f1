import { describe, expect, it } from 'vitest';

import { normalizePosting } from '../../normalize/normalize-posting.js';
import { toLocationRow, toProcessedPosting, toRejectedPosting } from './to-processed-posting.js';

const IDENTITY = { id: '42', firstSeen: new Date('2026-03-01T06:00:00Z') };
const ADVERT = [
  'Accountant',
  'Company: Kilima Microfinance Ltd',
  'Location: Nakuru',
  'Job Type: Full Time',
  'Salary: KSh 80,000 - 120,000 per month',
  'Kilima Microfinance seeks an accountant to prepare monthly management accounts, reconcile supplier statements and bank accounts,',
  'process payroll for 120 staff, file VAT and PAYE returns with KRA, support the annual external audit and maintain the fixed asset register.',
  'Requirements: Bachelor of Commerce (Accounting option), CPA Part III, three years of experience in a busy finance office,',
  'working knowledge of Sage and QuickBooks and strong Excel skills.',
].join('\n');

function processAdvert(text: string, title = 'Accountant') {
  const normalized = normalizePosting({ url: 'https://example.org/jobs/1', source: 'example.org', title, text, fetchedAt: IDENTITY.firstSeen });
  return toProcessedPosting(IDENTITY, normalized, 'Nakuru');
}

describe('toProcessedPosting', () => {
  it('maps a posting to columns and reference rows', () => {
    const posting = processAdvert(ADVERT);

    expect(posting.id).toBe('42');
    expect(posting.columns.rejectReason).toBeNull();
    expect(posting.columns.salaryMonthlyKes).toBe(100_000);
    expect(posting.columns.salaryDisclosed).toBe(true);
    expect(posting.organization?.nameKey).toMatch(/^kilima microfinance/);
    expect(posting.location).toMatchObject({ region: 'Nakuru', raw: 'Nakuru' });
    expect(posting.location?.locationKey).toBe('kenya|nakuru|nakuru|');
    expect(posting.title?.family).toBe('finance_accounting');
    expect(posting.skills.length).toBeGreaterThan(0);
  });

  it('groups the dedupe signature by organization and title', () => {
    const posting = processAdvert(ADVERT);

    expect(posting.dedupe?.groupKey).toBe(`${posting.organization?.nameKey}|${posting.title?.canonical}`);
    expect(posting.dedupe?.signature).toHaveLength(128);
    expect(posting.dedupe?.bandKeys).toHaveLength(16);
    expect(posting.dedupe?.bandKeys[0]).toMatch(/^[0-9a-f]{16}:0:[0-9a-f]{8}$/);
  });

  it('skips the signature of a short description', () => {
    expect(processAdvert('Accountant needed in Nakuru. Apply now.').dedupe).toBeNull();
  });

  it('keeps a non-job as a reject without signature', () => {
    const posting = processAdvert('Job Not Found. The job you are looking for has been removed or does not exist.', 'Job Not Found');

    expect(posting.columns.rejectReason).not.toBeNull();
    expect(posting.dedupe).toBeNull();
  });
});

describe('toRejectedPosting', () => {
  it('keeps only the reason', () => {
    const posting = toRejectedPosting(IDENTITY, 'expired');

    expect(posting.columns.rejectReason).toBe('expired');
    expect(posting.columns.qualityScore).toBe(0);
    expect(posting.skills).toEqual([]);
    expect(posting.organization).toBeNull();
  });
});

describe('toLocationRow', () => {
  it('returns null when no place is named', () => {
    expect(toLocationRow({ country: null, region: null, city: null, isRemote: false, regionsAll: [] }, null)).toBeNull();
  });

  it('keys a remote posting', () => {
    const row = toLocationRow({ country: 'Kenya', region: null, city: null, isRemote: true, regionsAll: [] }, 'Remote');

    expect(row?.locationKey).toBe('kenya|||remote');
  });
});
