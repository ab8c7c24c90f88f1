/**
 * Turns report figures into plain tables (a title, a header, rows of cells). The terminal, the
 * CSV files and the HTML report all render these same tables, so the three never disagree.
 */
import type { SalaryPercentiles } from '../../db/queries/salary-percentiles.js';
import { REPORT_NAMES, type ReportName } from './report-names.js';
import type { InsightsData, InsightsReports } from './summarize-insights.js';

export type TableCell = string | number | null;

export interface ReportTable {
  report: ReportName;
  /** Short machine name, unique within the report (the CSV `table` column). */
  name: string;
  title: string;
  head: string[];
  rows: TableCell[][];

  /** The terminal shows only the last this many rows (long weekly series); files show all. */
  terminalTailRows?: number;
}

// Families drawn as separate columns (and lines) in the weekly series; the rest are in the total.
export const WEEKLY_FAMILY_COLUMNS = 5;
const TERMINAL_WEEKS = 12;

/** Builds the tables of every report present in `data`, in report order. */
export function buildReportTables(data: InsightsData): ReportTable[] {
  const tables: ReportTable[] = [];
  for (const name of REPORT_NAMES) {
    tables.push(...buildTablesOf(name, data.reports));
  }
  return tables;
}

function buildTablesOf(name: ReportName, reports: InsightsReports): ReportTable[] {
  switch (name) {
    case 'overview':
      return reports.overview === undefined ? [] : buildOverviewTables(reports.overview);
    case 'hiring-trends':
      return reports['hiring-trends'] === undefined ? [] : buildHiringTrendTables(reports['hiring-trends']);
    case 'skill-demand':
      return reports['skill-demand'] === undefined ? [] : buildSkillDemandTables(reports['skill-demand']);
    case 'salary-insights':
      return reports['salary-insights'] === undefined ? [] : buildSalaryTables(reports['salary-insights']);
    case 'location-analysis':
      return reports['location-analysis'] === undefined ? [] : buildLocationTables(reports['location-analysis']);
    case 'top-employers':
      return reports['top-employers'] === undefined ? [] : buildEmployerTables(reports['top-employers']);
  }
}

function buildOverviewTables(report: NonNullable<InsightsReports['overview']>): ReportTable[] {
  const { totals } = report;
  return [
    {
      report: 'overview',
      name: 'by-source',
      title: `Overview (high quality: score >= ${report.qualityThreshold})`,
      head: ['source', 'processed', 'unique', 'duplicates removed', 'rejected', 'high quality', 'high quality %', 'with salary'],
      rows: [
        ...report.bySource.map((row) => [
          row.source,
          row.processed,
          row.unique,
          row.duplicates,
          row.rejected,
          row.highQuality,
          toPercent(row.unique === 0 ? null : row.highQuality / row.unique),
          row.withSalary,
        ]),
        ['total', totals.processed, totals.unique, totals.duplicates, totals.rejected, totals.highQuality, toPercent(totals.highQualityShare), totals.withSalary],
      ],
    },
  ];
}

function buildHiringTrendTables(report: NonNullable<InsightsReports['hiring-trends']>): ReportTable[] {
  const families = pickTopFamilies(report.weekly, WEEKLY_FAMILY_COLUMNS);
  const byWeek = new Map<string, Map<string, number>>();
  for (const row of report.weekly) {
    const week = byWeek.get(row.week) ?? new Map<string, number>();
    week.set(row.family, row.postings);
    byWeek.set(row.week, week);
  }

  const weeklyRows = [...byWeek.entries()].map(([week, counts]) => {
    const total = [...counts.values()].reduce((sum, postings) => sum + postings, 0);
    return [week, total, ...families.map((family) => counts.get(family) ?? 0)];
  });

  const periodTitle = report.periods === null ? '' : ` (${report.periods.current.since} to ${report.periods.current.until} vs ${report.periods.previous.since} to ${report.periods.previous.until})`;
  return [
    {
      report: 'hiring-trends',
      name: 'weekly',
      title: 'Weekly postings (week starting Monday)',
      head: ['week', 'all families', ...families],
      rows: weeklyRows,
      terminalTailRows: TERMINAL_WEEKS,
    },
    {
      report: 'hiring-trends',
      name: 'family-change',
      title: `Postings by family, this period vs the previous one${periodTitle}`,
      head: ['family', 'current', 'previous', 'change %'],
      rows: report.byFamily.map((row) => [row.family, row.current, row.previous, row.changePercent]),
    },
  ];
}

/** The families with the most postings over the whole weekly series, largest first. */
export function pickTopFamilies(weekly: ReadonlyArray<{ family: string; postings: number }>, limit: number): string[] {
  const totals = new Map<string, number>();
  for (const row of weekly) {
    totals.set(row.family, (totals.get(row.family) ?? 0) + row.postings);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([family]) => family);
}

function buildSkillDemandTables(report: NonNullable<InsightsReports['skill-demand']>): ReportTable[] {
  return [
    {
      report: 'skill-demand',
      name: 'top',
      title: 'Top skills',
      head: ['skill', 'postings', 'share of postings %'],
      rows: report.top.map((row) => [row.skill, row.postings, toPercent(row.share)]),
    },
    {
      report: 'skill-demand',
      name: 'risers',
      title: 'Fastest rising skills, this period vs the previous one',
      head: ['skill', 'current', 'previous', 'change %'],
      rows: report.risers.map((row) => [row.skill, row.current, row.previous, row.changePercent]),
    },
  ];
}

function buildSalaryTables(report: NonNullable<InsightsReports['salary-insights']>): ReportTable[] {
  const head = (key: string) => [key, 'n', 'p25 KES/month', 'median KES/month', 'p75 KES/month'];
  const rows = (groups: readonly SalaryPercentiles[]) => groups.map((row) => [row.key, row.n, roundKes(row.p25), roundKes(row.p50), roundKes(row.p75)]);
  const note = `groups with fewer than ${report.minSample} disclosed salaries are not shown`;
  return [
    { report: 'salary-insights', name: 'overall', title: `Salaries, all postings (${note})`, head: head('scope'), rows: rows(report.overall === null ? [] : [report.overall]) },
    { report: 'salary-insights', name: 'by-family', title: `Salaries by family (${report.suppressedGroups.family} groups hidden)`, head: head('family'), rows: rows(report.byFamily) },
    { report: 'salary-insights', name: 'by-county', title: `Salaries by county (${report.suppressedGroups.county} groups hidden)`, head: head('county'), rows: rows(report.byCounty) },
    {
      report: 'salary-insights',
      name: 'by-seniority',
      title: `Salaries by seniority (${report.suppressedGroups.seniority} groups hidden)`,
      head: head('seniority'),
      rows: rows(report.bySeniority),
    },
  ];
}

function buildLocationTables(report: NonNullable<InsightsReports['location-analysis']>): ReportTable[] {
  return [
    {
      report: 'location-analysis',
      name: 'by-county',
      title: 'Postings by county',
      head: ['county', 'postings', 'share %', 'top family'],
      rows: report.byCounty.map((row) => [row.county, row.postings, toPercent(row.share), row.topFamily]),
    },
    {
      report: 'location-analysis',
      name: 'by-county-family',
      title: 'Postings by county and family',
      head: ['county', 'family', 'postings'],
      rows: report.byCountyFamily.map((row) => [row.county, row.family, row.postings]),
      terminalTailRows: 0,
    },
  ];
}

function buildEmployerTables(report: NonNullable<InsightsReports['top-employers']>): ReportTable[] {
  return [
    {
      report: 'top-employers',
      name: 'employers',
      title: 'Top employers',
      head: ['organization', 'postings', 'duplicates', 'repost rate %', 'families', 'counties', 'last posted'],
      rows: report.employers.map((row) => [row.organization, row.postings, row.duplicates, toPercent(row.repostRate), row.families, row.counties, row.lastPosted]),
    },
  ];
}

function toPercent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

function roundKes(value: number | null): number | null {
  return value === null ? null : Math.round(value);
}
