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

/** Runs the SQL aggregations of the selected reports, one after another on one connection at a time. */
export async function summarizeInsights(db: Kysely<Database>, filter: ReportFilter, options: SummarizeOptions): Promise<InsightsData> {
  const postingDates = await findPostingDateRange(db, filter);
  const periods = resolveComparedPeriods(filter, postingDates.last);
  const wants = (name: ReportName) => options.reports.includes(name);

  const reports: InsightsReports = {};
  const overview = await summarizeOverview(db, filter, options.qualityThreshold);
  if (wants('overview')) reports.overview = overview;
  if (wants('hiring-trends')) reports['hiring-trends'] = await summarizeHiringTrends(db, filter, periods);
  if (wants('skill-demand')) reports['skill-demand'] = await summarizeSkillDemand(db, filter, periods, overview.totals.unique);
  if (wants('salary-insights')) reports['salary-insights'] = await summarizeSalaryInsights(db, filter);
  if (wants('location-analysis')) reports['location-analysis'] = await summarizeLocationAnalysis(db, filter);
  if (wants('top-employers')) reports['top-employers'] = await summarizeTopEmployers(db, filter);

  return { filter, generatedAt: new Date().toISOString(), postingDates, uniquePostings: overview.totals.unique, reports };
}
