import { describe, expect, it } from 'vitest';

import type { StageReport } from '../pipeline/run-report.js';
import { mergeStageReports } from './merge-stage-reports.js';

function part(status: StageReport['status'], counts: Record<string, number>, reason?: string): StageReport {
  return { stage: 'scrape', status, counts, durationMs: 5, errorGroups: [{ group: 'http_503', count: 1, example: 'https://a/1' }], reason, details: {} };
}

describe('mergeStageReports', () => {
  it('sums counts and error groups', () => {
    const merged = mergeStageReports('scrape', [part('succeeded', { pages: 3, postings: 10 }), part('succeeded', { pages: 2 })], 42);

    expect(merged.counts).toEqual({ pages: 5, postings: 10 });
    expect(merged.errorGroups).toEqual([{ group: 'http_503', count: 2, example: 'https://a/1' }]);
    expect(merged.durationMs).toBe(42);
    expect(merged.status).toBe('succeeded');
  });

  it('keeps the worst status and the reasons', () => {
    const merged = mergeStageReports('scrape', [part('succeeded', {}), part('partial', {}, 'site fuzu: connection refused'), part('failed', {}, 'site duma: 403')], 1);

    expect(merged.status).toBe('failed');
    expect(merged.reason).toBe('site fuzu: connection refused; site duma: 403');
  });

  it('reports no parts as skipped', () => {
    expect(mergeStageReports('process', [], 0).status).toBe('skipped');
  });
});
