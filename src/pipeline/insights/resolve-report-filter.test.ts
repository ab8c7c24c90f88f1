import { describe, expect, it } from 'vitest';

import { UsageError } from '../../lib/errors.js';
import { NON_COUNTY_LOCATIONS, REPORT_FAMILIES, resolveReportFilter } from './resolve-report-filter.js';

function captureUsageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('resolveReportFilter', () => {
  it('keeps a filter without family or county', () => {
    expect(resolveReportFilter({ since: '2026-01-01' })).toEqual({ since: '2026-01-01', family: undefined, county: undefined });
  });

  it('accepts the 23 families and unclassified', () => {
    expect(REPORT_FAMILIES).toHaveLength(24);
    for (const family of REPORT_FAMILIES) {
      expect(resolveReportFilter({ family }).family).toBe(family);
    }
  });

  it('matches a family in any letter case', () => {
    expect(resolveReportFilter({ family: 'Finance_Accounting' }).family).toBe('finance_accounting');
    expect(resolveReportFilter({ family: 'UNCLASSIFIED' }).family).toBe('unclassified');
  });

  it('treats spaces, hyphens and underscores alike', () => {
    expect(resolveReportFilter({ family: 'finance-accounting' }).family).toBe('finance_accounting');
    expect(resolveReportFilter({ family: 'Finance Accounting' }).family).toBe('finance_accounting');
    expect(resolveReportFilter({ county: 'outside-kenya' }).county).toBe('outside_kenya');
    expect(resolveReportFilter({ county: 'Elgeyo Marakwet' }).county).toBe('Elgeyo-Marakwet');
    expect(resolveReportFilter({ county: 'taita_taveta' }).county).toBe('Taita-Taveta');
  });

  it('spells a county as stored', () => {
    expect(resolveReportFilter({ county: 'nairobi' }).county).toBe('Nairobi');
    expect(resolveReportFilter({ county: 'ELGEYO-MARAKWET' }).county).toBe('Elgeyo-Marakwet');
  });

  it('accepts county aliases', () => {
    expect(resolveReportFilter({ county: 'Muranga' }).county).toBe("Murang'a");
    expect(resolveReportFilter({ county: 'homa-bay' }).county).toBe('Homa Bay');
  });

  it('accepts the locations that are not counties', () => {
    for (const location of NON_COUNTY_LOCATIONS) {
      expect(resolveReportFilter({ county: location.toUpperCase() }).county).toBe(location);
    }
  });

  it('rejects an unknown family listing the families', () => {
    const error = captureUsageError(() => resolveReportFilter({ family: 'NOSUCH' }));

    expect(error.message).toContain('invalid --family "NOSUCH"');
    expect(error.message).toContain('technology');
    expect(error.message).toContain('unclassified');
    expect(error.exitCode).toBe(2);
  });

  it('rejects an unknown county listing the counties', () => {
    const error = captureUsageError(() => resolveReportFilter({ county: 'NOSUCH' }));

    expect(error.message).toContain('invalid --county "NOSUCH"');
    expect(error.message).toContain("Murang'a");
    expect(error.message).toContain('outside_kenya');
    expect(error.exitCode).toBe(2);
  });
});
