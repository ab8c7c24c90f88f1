import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import { refreshChangedMetrics } from '../../src/pipeline/insights/refresh-metrics.js';
import { REPORT_NAMES } from '../../src/pipeline/insights/report-names.js';
import { runInsights } from '../../src/pipeline/insights/run-insights.js';
import { summarizeInsights } from '../../src/pipeline/insights/summarize-insights.js';
import { describeEachStore } from '../helpers/test-store.js';
import { insertInsightsFixture, type InsightsFixture } from './insights-fixture.js';

// Every expected figure below was computed by hand from insights-fixture.ts. Salaries (KES/month):
// technology 100k..200k in steps of 20k; finance 50k, 60k and one undisclosed; remote 70k.
describeEachStore('insights reports', (getStore) => {
  let fixture: InsightsFixture;
  const summarize = async (filter = {}) =>
    summarizeInsights(getStore().store.db, filter, { reports: REPORT_NAMES, qualityThreshold: 0.8 });

  it('inserts the fixture', async () => {
    fixture = await insertInsightsFixture(getStore().store.db);
    expect(fixture.techIds).toHaveLength(6);
  });

  it('metrics_daily refresh writes one cell per date, family and county', async () => {
    const db = getStore().store.db;
    const refresh = await refreshChangedMetrics(db, { isFull: false, signal: new AbortController().signal });
    // Ten distinct dates: the duplicates and the reject share dates with unique postings.
    expect(refresh).toEqual({ isFull: true, dates: 10, cells: 10 });

    const cell = await db.selectFrom('metrics_daily').selectAll().where('date', '=', '2026-03-02').executeTakeFirstOrThrow();
    expect(cell).toMatchObject({ title_family: 'technology', location_key: 'Nairobi', postings: 1, salary_n: 1 });
    expect(Number(cell.salary_p50_monthly_kes)).toBe(100_000);
    expect(cell.employment_mix).toEqual({ full_time: 1 });
    expect(cell.top_skills).toEqual([
      { skill: 'python', postings: 1 },
      { skill: 'sql', postings: 1 },
    ]);
  });

  it('overview counts unique, duplicates, rejects and high quality', async () => {
    const { reports } = await summarize();
    expect(reports.overview?.totals).toEqual({
      processed: 13,
      unique: 10,
      duplicates: 2,
      rejected: 1,
      highQuality: 6,
      withSalary: 9,
      highQualityShare: 0.6,
    });
    expect(reports.overview?.bySource).toEqual([
      { source: 'myjobmag', processed: 8, unique: 6, duplicates: 2, rejected: 0, highQuality: 4, withSalary: 6 },
      { source: 'brightermonday', processed: 5, unique: 4, duplicates: 0, rejected: 1, highQuality: 2, withSalary: 3 },
    ]);
  });

  it('hiring trends group by ISO week and compare periods', async () => {
    const trends = (await summarize()).reports['hiring-trends'];
    expect(trends?.weekly).toEqual([
      { week: '2026-02-02', family: 'finance_accounting', postings: 1 },
      { week: '2026-03-02', family: 'technology', postings: 6 },
      { week: '2026-03-09', family: 'finance_accounting', postings: 3 },
    ]);
    expect(trends?.periods).toEqual({
      current: { since: '2026-02-12', until: '2026-03-11' },
      previous: { since: '2026-01-15', until: '2026-02-11' },
    });
    expect(trends?.byFamily).toEqual([
      { family: 'technology', current: 6, previous: 0, changePercent: null },
      { family: 'finance_accounting', current: 3, previous: 1, changePercent: 200 },
    ]);
  });

  it('skill demand ranks top skills and risers', async () => {
    const skills = (await summarize()).reports['skill-demand'];
    expect(skills?.top).toEqual([
      { skill: 'python', postings: 6, share: 0.6 },
      { skill: 'excel', postings: 4, share: 0.4 },
      { skill: 'sql', postings: 4, share: 0.4 },
    ]);
    expect(skills?.risers).toEqual([
      { skill: 'python', current: 6, previous: 0, changePercent: null },
      { skill: 'sql', current: 4, previous: 0, changePercent: null },
      { skill: 'excel', current: 3, previous: 1, changePercent: 200 },
    ]);
  });

  it('salary insights interpolate percentiles', async () => {
    const salary = (await summarize()).reports['salary-insights'];
    expect(salary?.overall).toEqual({ key: 'all', n: 9, p25: 70_000, p50: 120_000, p75: 160_000 });
    expect(salary?.byFamily).toEqual([{ key: 'technology', n: 6, p25: 125_000, p50: 150_000, p75: 175_000 }]);
    expect(salary?.byCounty).toEqual([{ key: 'Nairobi', n: 6, p25: 125_000, p50: 150_000, p75: 175_000 }]);
    expect(salary?.bySeniority).toEqual([{ key: 'mid', n: 6, p25: 62_500, p50: 85_000, p75: 115_000 }]);
  });

  it('salary insights suppress groups under five salaries', async () => {
    const salary = (await summarize()).reports['salary-insights'];
    expect(salary?.suppressedGroups).toEqual({ family: 1, county: 2, seniority: 1 });

    const finance = (await summarize({ family: 'finance_accounting' })).reports['salary-insights'];
    expect(finance?.overall).toBeNull();
    expect(finance?.byFamily).toEqual([]);
  });

  it('location analysis shares and top families', async () => {
    const locations = (await summarize()).reports['location-analysis'];
    expect(locations?.byCounty).toEqual([
      { county: 'Nairobi', postings: 6, share: 0.6, topFamily: 'technology' },
      { county: 'Mombasa', postings: 3, share: 0.3, topFamily: 'finance_accounting' },
      { county: 'remote', postings: 1, share: 0.1, topFamily: 'finance_accounting' },
    ]);
  });

  it('top employers count duplicates and repost rate', async () => {
    const employers = (await summarize()).reports['top-employers'];
    expect(employers?.employers).toEqual([
      { organization: 'Acme Ltd', postings: 6, duplicates: 2, families: 1, counties: 1, lastPosted: '2026-03-07', repostRate: 0.25 },
      { organization: 'Tana Trust', postings: 4, duplicates: 0, families: 1, counties: 2, lastPosted: '2026-03-11', repostRate: 0 },
    ]);
  });

  it('filters by county, family and dates', async () => {
    expect((await summarize({ county: 'nairobi' })).uniquePostings).toBe(6);
    expect((await summarize({ family: 'finance_accounting' })).uniquePostings).toBe(4);
    expect((await summarize({ since: '2026-03-09' })).uniquePostings).toBe(3);
    expect((await summarize({ since: '2026-03-03', until: '2026-03-04' })).uniquePostings).toBe(2);
    expect((await summarize({ county: 'Kisumu' })).uniquePostings).toBe(0);
  });

  it('runInsights writes CSV files and an HTML report with charts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nextke-insights-'));
    const ctx: Context = {
      config: loadConfig({ env: {} }),
      store: getStore().store,
      log: silentLogger,
      progress: silentProgress,
      signal: new AbortController().signal,
    };
    const report = await runInsights(ctx, { reports: REPORT_NAMES, filter: {}, htmlPath: dir, csvDir: path.join(dir, 'csv') });

    expect(report.status).toBe('succeeded');
    expect(report.counts.charts).toBe(4);
    expect(report.details.files.csv.map((file) => path.basename(file))).toEqual(REPORT_NAMES.map((name) => `${name}.csv`));
    expect(readFileSync(path.join(dir, 'csv', 'overview.csv'), 'utf8').split('\r\n')[0]).toBe(
      'source,processed,unique,duplicates removed,rejected,high quality,high quality %,with salary',
    );

    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(4);
    expect(html).toContain('id="methodology"');
    expect(html).not.toMatch(/(?:src|href)="https?:/);

    // A folder that does not exist yet is created, with report.html inside.
    const nested = await runInsights(ctx, { reports: ['overview'], filter: {}, htmlPath: path.join(dir, 'daily') });
    expect(nested.details.files.html).toBe(path.join(dir, 'daily', 'report.html'));
  });
  it('metrics_daily refresh recomputes only changed dates', async () => {
    const db = getStore().store.db;
    const noChange = await refreshChangedMetrics(db, { isFull: false, signal: new AbortController().signal });
    expect(noChange).toEqual({ isFull: false, dates: 0, cells: 0 });

    // Marking the 2026-03-02 posting as a duplicate must empty that date and leave others alone.
    await db
      .updateTable('job_post')
      .set({ duplicate_of: fixture.techIds[1]!, processed_at: '2030-01-01T00:00:00.123456Z' })
      .where('id', '=', fixture.techIds[0]!)
      .execute();
    const changed = await refreshChangedMetrics(db, { isFull: false, signal: new AbortController().signal });
    expect(changed).toEqual({ isFull: false, dates: 1, cells: 0 });

    // The watermark keeps microseconds, so the same posting is not seen as changed again.
    const again = await refreshChangedMetrics(db, { isFull: false, signal: new AbortController().signal });
    expect(again.dates).toBe(0);

    const dates = await db.selectFrom('metrics_daily').select('date').orderBy('date').execute();
    expect(dates.map((row) => row.date)).toHaveLength(9);
    expect(dates.map((row) => row.date)).not.toContain('2026-03-02');
  });
});
