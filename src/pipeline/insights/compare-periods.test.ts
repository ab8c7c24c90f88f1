import { describe, expect, it } from 'vitest';

import { percentChange, resolveComparedPeriods } from './compare-periods.js';

describe('resolveComparedPeriods', () => {
  it('ends on the last posting date and spans 28 days by default', () => {
    expect(resolveComparedPeriods({}, '2026-03-31')).toEqual({
      current: { since: '2026-03-04', until: '2026-03-31' },
      previous: { since: '2026-02-04', until: '2026-03-03' },
    });
  });

  it('uses --since and --until as the current period', () => {
    expect(resolveComparedPeriods({ since: '2026-01-01', until: '2026-01-10' }, '2026-03-31')).toEqual({
      current: { since: '2026-01-01', until: '2026-01-10' },
      previous: { since: '2025-12-22', until: '2025-12-31' },
    });
  });

  it('returns null without postings', () => {
    expect(resolveComparedPeriods({}, null)).toBeNull();
  });

  it('returns null when since is after until', () => {
    expect(resolveComparedPeriods({ since: '2026-02-01', until: '2026-01-01' }, null)).toBeNull();
  });
});

describe('percentChange', () => {
  it('rounds to one decimal', () => {
    expect(percentChange(4, 3)).toBe(33.3);
    expect(percentChange(1, 4)).toBe(-75);
  });

  it('returns null without a previous figure', () => {
    expect(percentChange(5, 0)).toBeNull();
  });
});
