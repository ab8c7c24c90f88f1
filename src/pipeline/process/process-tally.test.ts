import { describe, expect, it } from 'vitest';

import { ProcessTally } from './process-tally.js';
import { toRejectedPosting, type ProcessedPosting } from './to-processed-posting.js';

function accepted(id: string, overrides: Partial<ProcessedPosting['columns']> = {}, extra: Partial<ProcessedPosting> = {}): ProcessedPosting {
  const base = toRejectedPosting({ id, firstSeen: new Date() }, 'unused');
  return { ...base, ...extra, columns: { ...base.columns, rejectReason: null, qualityScore: 0.8, ...overrides } };
}

describe('ProcessTally', () => {
  it('summarizes rejects, duplicates and filled fields', () => {
    const tally = new ProcessTally();
    tally.addSaved(
      [
        accepted('1', { salaryMin: 50_000, employmentType: 'full_time', qualityScore: 0.6 }),
        accepted('2', { education: 'diploma', experienceYears: 2, qualityScore: 1 }, {
          location: { country: 'Kenya', region: 'Nairobi', city: null, isRemote: false, raw: null, locationKey: 'kenya|nairobi||' },
          skills: [{ name: 'excel', category: null, confidence: 0.9 }],
        }),
        toRejectedPosting({ id: '3', firstSeen: new Date() }, 'expired'),
        toRejectedPosting({ id: '4', firstSeen: new Date() }, 'category page'),
        toRejectedPosting({ id: '5', firstSeen: new Date() }, 'expired'),
      ],
      1,
    );
    tally.addLostClaims(2);

    const summary = tally.summarize(2_000);

    expect(summary.processed).toBe(5);
    expect(summary.accepted).toBe(2);
    expect(summary.rejected).toBe(3);
    expect(summary.rejectedByReason).toEqual({ expired: 2, 'category page': 1 });
    expect(Object.keys(summary.rejectedByReason)).toEqual(['expired', 'category page']);
    expect(summary.duplicates).toBe(1);
    expect(summary.lostClaims).toBe(2);
    expect(summary.meanQuality).toBe(0.8);
    expect(summary.fieldsFilledPercent).toEqual({ salary: 50, county: 50, employmentType: 50, education: 50, experience: 50, skills: 50 });
    expect(summary.postingsPerSecond).toBe(3);
  });

  it('reports no mean quality without accepted postings', () => {
    const summary = new ProcessTally().summarize(0);

    expect(summary.meanQuality).toBeNull();
    expect(summary.postingsPerSecond).toBe(0);
    expect(summary.fieldsFilledPercent.salary).toBe(0);
  });
});
