import { stat } from 'node:fs/promises';
import path from 'node:path';

import type { ReportFilter } from '../../db/queries/report-scope.js';
import type { Context } from '../context.js';
import type { StageReport } from '../run-report.js';
import { refreshChangedMetrics, type MetricsRefresh } from './refresh-metrics.js';
import { renderHtmlReport } from './render-html-report.js';
import { resolveReportFilter } from './resolve-report-filter.js';
import type { ReportName } from './report-names.js';
import { buildReportTables, type ReportTable } from './report-tables.js';
import { summarizeInsights, type InsightsData } from './summarize-insights.js';
import { writeCsvReports } from './write-csv-reports.js';
import { ensureReportFolder, writeReportFile } from './write-report-file.js';

export interface InsightsOptions {
  reports: readonly ReportName[];
  filter: ReportFilter;

  /** HTML report file. A folder, or a path not ending in .html or .htm, gets `report.html` inside it. */
  htmlPath?: string;

  /** Folder for one CSV file per report. */
  csvDir?: string;

  /** Recompute every metrics_daily date, not only those with newly processed postings. */
  isFullRefresh?: boolean;
}

export interface InsightsDetails {
  data: InsightsData;
  tables: ReportTable[];
  metrics: MetricsRefresh;
  files: { html: string | null; csv: string[] };
}

/**
 * Runs the insights stage: refreshes metrics_daily for changed dates, aggregates the selected
 * reports in SQL, and writes the HTML and CSV files the options ask for. The figures are in
 * `details` for the CLI to print. Throws UsageError for an unknown family or county, before any
 * work, and InterruptedError when aborted during the refresh.
 */
export async function runInsights(ctx: Context, options: InsightsOptions): Promise<StageReport<InsightsDetails>> {
  const startedMs = performance.now();
  const db = ctx.store.db;
  const filter = resolveReportFilter(options.filter);

  // Output folders come first, so that a path nextke cannot write fails before the slow steps.
  const htmlPath = options.htmlPath === undefined ? null : await prepareHtmlOutput(options.htmlPath);
  if (options.csvDir !== undefined) {
    ensureReportFolder(options.csvDir, '--csv');
  }

  const metrics = await refreshChangedMetrics(db, { isFull: options.isFullRefresh ?? false, signal: ctx.signal });
  ctx.log.info('metrics_daily refreshed', { ...metrics });

  const data = await summarizeInsights(db, filter, { reports: options.reports, qualityThreshold: ctx.config.workflow.qualityThreshold });
  const tables = buildReportTables(data);

  const files: InsightsDetails['files'] = { html: null, csv: [] };
  let chartCount = 0;
  if (htmlPath !== null) {
    const rendered = await renderHtmlReport(data, tables);
    files.html = htmlPath;
    await writeReportFile(files.html, rendered.html, '--html');
    chartCount = rendered.chartCount;
    ctx.log.info('html report written', { path: files.html, charts: chartCount });
  }
  if (options.csvDir !== undefined) {
    files.csv = await writeCsvReports(options.csvDir, tables);
    ctx.log.info('csv reports written', { dir: options.csvDir, files: files.csv.length });
  }

  return {
    stage: 'insights',
    status: 'succeeded',
    counts: {
      uniquePostings: data.uniquePostings,
      metricsDates: metrics.dates,
      metricsCells: metrics.cells,
      reports: options.reports.length,
      charts: chartCount,
      csvFiles: files.csv.length,
    },
    durationMs: Math.round(performance.now() - startedMs),
    errorGroups: [],
    details: { data, tables, metrics, files },
  };
}

/**
 * Resolves the file an `--html` value names (report.html inside a folder) and creates its folder.
 * Throws UsageError (exit 2) when the folder cannot be created. The workflow calls it before its
 * first stage, so that a bad path fails before any work.
 */
export async function prepareHtmlOutput(htmlPath: string): Promise<string> {
  const resolved = await resolveHtmlPath(htmlPath);
  ensureReportFolder(path.dirname(resolved), '--html', resolved);
  return resolved;
}

async function resolveHtmlPath(htmlPath: string): Promise<string> {
  const resolved = path.resolve(htmlPath);
  const isFolder = await stat(resolved).then(
    (stats) => stats.isDirectory(),
    () => !/\.html?$/i.test(resolved),
  );
  return isFolder ? path.join(resolved, 'report.html') : resolved;
}
