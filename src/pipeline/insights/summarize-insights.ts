import type { Kysely } from 'kysely';

import { findPostingDateRange, type ReportFilter } from '../../db/queries/report-scope.js';
import type { Database } from '../../db/schema.js';
import { resolveComparedPeriods } from './compare-periods.js';
import type { ReportName } from './report-names.js';
import { summarizeHiringTrends, type HiringTrendsReport } from './summarize-hiring-trends.js';
import { summarizeLocationAnalysis, type LocationAnalysisReport } from './summarize-location-analysis.js';
import { summarizeOverview, type OverviewReport } from './summarize-overview.js';
import { summarizeSalaryInsights, type SalaryInsightsReport } from './summarize-salary-insights.js';
import { summarizeSkillDemand, type SkillDemandReport } from './summarize-skill-demand.js';
import { summarizeTopEmployers, type TopEmployersReport } from './summarize-top-employers.js';

export interface InsightsReports {
  overview?: OverviewReport;
  'hiring-trends'?: HiringTrendsReport;
  'skill-demand'?: SkillDemandReport;
  'salary-insights'?: SalaryInsightsReport;
  'location-analysis'?: LocationAnalysisReport;
  'top-employers'?: TopEmployersReport;
}

/** The figures of one `nextke insights` call, ready to render as tables, JSON, CSV or HTML. */
export interface InsightsData {
  filter: ReportFilter;
  generatedAt: string;

  /** First and last posting date among the unique postings in the filter. */
  postingDates: { first: string | null; last: string | null };
  uniquePostings: number;
  reports: InsightsReports;
}

export interface SummarizeOptions {
  reports: readonly ReportName[];
  qualityThreshold: number;
}

/**
 * Runs the SQL aggregations of the selected reports. Reports that count postings by date, family,
 * county or skill read metrics_daily and metrics_daily_skill, so the caller refreshes those first
 * (runInsights does). The reports run concurrently: on PostgreSQL each query takes a pool
 * connection, while the embedded store runs them one at a time.
 */
export async function summarizeInsights(db: Kysely<Database>, filter: ReportFilter, options: SummarizeOptions): Promise<InsightsData> {
  const { first, last, postings } = await findPostingDateRange(db, filter);
  const periods = resolveComparedPeriods(filter, last);
  const wants = (name: ReportName) => options.reports.includes(name);

  const [overview, hiringTrends, skillDemand, salaryInsights, locationAnalysis, topEmployers] = await Promise.all([
    wants('overview') ? summarizeOverview(db, filter, options.qualityThreshold) : undefined,
    wants('hiring-trends') ? summarizeHiringTrends(db, filter, periods) : undefined,
    wants('skill-demand') ? summarizeSkillDemand(db, filter, periods, postings) : undefined,
    wants('salary-insights') ? summarizeSalaryInsights(db, filter) : undefined,
    wants('location-analysis') ? summarizeLocationAnalysis(db, filter) : undefined,
    wants('top-employers') ? summarizeTopEmployers(db, filter) : undefined,
  ]);

  const reports: InsightsReports = {
    overview,
    'hiring-trends': hiringTrends,
    'skill-demand': skillDemand,
    'salary-insights': salaryInsights,
    'location-analysis': locationAnalysis,
    'top-employers': topEmployers,
  };
  for (const name of Object.keys(reports) as ReportName[]) {
    if (reports[name] === undefined) delete reports[name];
  }
  return { filter, generatedAt: new Date().toISOString(), postingDates: { first, last }, uniquePostings: postings, reports };
}
