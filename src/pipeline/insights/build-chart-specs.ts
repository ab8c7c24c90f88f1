/**
 * Vega-Lite specifications of the HTML report's charts, built from report figures already
 * computed in SQL: bar charts of demand by family and by county, a weekly trend line, and
 * salary ranges by family. Data is inlined in each spec, so rendering needs no file or network.
 */
import type { TopLevelSpec } from 'vega-lite';

import { pickTopFamilies, WEEKLY_FAMILY_COLUMNS } from './report-tables.js';
import type { InsightsData } from './summarize-insights.js';

export interface ChartSpec {
  name: string;
  title: string;
  spec: TopLevelSpec;
}

const CHART_WIDTH_PX = 640;
const MAX_BARS = 20;
const LABEL_LIMIT_PX = 220;
const WEEK_MS = 7 * 86_400_000;

/** Builds a chart for each figure the selected reports provide; a report that was not selected adds none. */
export function buildChartSpecs(data: InsightsData): ChartSpec[] {
  const charts: ChartSpec[] = [];

  const familyTotals = sumPostingsByFamily(data);
  if (familyTotals.length > 0) {
    charts.push(barChart('demand-by-family', 'Unique postings by title family', familyTotals.map(({ family, postings }) => ({ label: family, postings }))));
  }

  const counties = data.reports['location-analysis']?.byCounty ?? [];
  if (counties.length > 0) {
    charts.push(barChart('demand-by-county', `Unique postings by county (top ${MAX_BARS})`, counties.map(({ county, postings }) => ({ label: county, postings }))));
  }

  const weekly = data.reports['hiring-trends']?.weekly ?? [];
  if (weekly.length > 0) {
    charts.push(weeklyTrendChart(weekly));
  }

  const salaries = data.reports['salary-insights']?.byFamily ?? [];
  if (salaries.length > 0) {
    charts.push(salaryRangeChart(salaries));
  }
  return charts;
}

function sumPostingsByFamily(data: InsightsData): Array<{ family: string; postings: number }> {
  const rows = data.reports['hiring-trends']?.weekly ?? data.reports['location-analysis']?.byCountyFamily ?? [];
  const totals = new Map<string, number>();
  for (const row of rows) {
    totals.set(row.family, (totals.get(row.family) ?? 0) + row.postings);
  }
  return [...totals.entries()].map(([family, postings]) => ({ family, postings })).sort((a, b) => b.postings - a.postings);
}

function barChart(name: string, title: string, values: Array<{ label: string; postings: number }>): ChartSpec {
  return {
    name,
    title,
    spec: {
      width: CHART_WIDTH_PX,
      data: { values: values.slice(0, MAX_BARS) },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: LABEL_LIMIT_PX } },
        x: { field: 'postings', type: 'quantitative', title: 'unique postings' },
      },
    },
  };
}

function weeklyTrendChart(weekly: ReadonlyArray<{ week: string; family: string; postings: number }>): ChartSpec {
  const families = pickTopFamilies(weekly, WEEKLY_FAMILY_COLUMNS);
  const counts = new Map<string, number>();
  for (const row of weekly) {
    counts.set(`all families|${row.week}`, (counts.get(`all families|${row.week}`) ?? 0) + row.postings);
    counts.set(`${row.family}|${row.week}`, row.postings);
  }

  // SQL returns only weeks with postings; a week without any is drawn as zero, not bridged by the line.
  const weeks = listWeeks(weekly[0]!.week, weekly.at(-1)!.week);
  const values = ['all families', ...families].flatMap((series) => weeks.map((week) => ({ week, series, postings: counts.get(`${series}|${week}`) ?? 0 })));
  return {
    name: 'weekly-trend',
    title: `Weekly unique postings: all families and the ${families.length} largest`,
    spec: {
      width: CHART_WIDTH_PX,
      height: 260,
      data: { values },
      mark: { type: 'line', point: weeks.length <= 12 },
      encoding: {
        x: { field: 'week', type: 'temporal', title: 'week starting' },
        y: { field: 'postings', type: 'quantitative', title: 'unique postings' },
        color: { field: 'series', type: 'nominal', title: null, legend: { labelLimit: LABEL_LIMIT_PX } },
      },
    },
  };
}

/** Lists every Monday from `first` to `last`, which must both be ISO dates of Mondays. */
function listWeeks(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let weekMs = Date.parse(`${first}T00:00:00Z`); weekMs <= Date.parse(`${last}T00:00:00Z`); weekMs += WEEK_MS) {
    weeks.push(new Date(weekMs).toISOString().slice(0, 10));
  }
  return weeks;
}

function salaryRangeChart(rows: ReadonlyArray<{ key: string; n: number; p25: number | null; p50: number | null; p75: number | null }>): ChartSpec {
  const values = rows.filter((row) => row.p50 !== null).map((row) => ({ family: `${row.key} (n=${row.n})`, p25: row.p25, p50: row.p50, p75: row.p75 }));
  return {
    name: 'salary-by-family',
    title: 'Monthly salary by family, KES: p25 to p75 with the median',
    spec: {
      width: CHART_WIDTH_PX,
      data: { values },
      encoding: { y: { field: 'family', type: 'nominal', sort: { field: 'p50', order: 'descending' }, title: null, axis: { labelLimit: LABEL_LIMIT_PX } } },
      layer: [
        { mark: { type: 'rule', strokeWidth: 6, opacity: 0.5 }, encoding: { x: { field: 'p25', type: 'quantitative', title: 'KES per month' }, x2: { field: 'p75' } } },
        { mark: { type: 'point', filled: true, size: 80 }, encoding: { x: { field: 'p50', type: 'quantitative' } } },
      ],
    },
  };
}
