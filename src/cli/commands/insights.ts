import { Command } from 'commander';
import { z } from 'zod';

import { REPORT_NAMES, type ReportName } from '../../pipeline/insights/report-names.js';
import type { InsightsDetails } from '../../pipeline/insights/run-insights.js';
import type { StageReport } from '../../pipeline/run-report.js';
import { withContext } from '../command-context.js';
import { isoDateSchema } from '../iso-date-schema.js';
import { printJson, printKeyValues, printLine, printTable } from '../render.js';

const INSIGHTS_HELP = `
Reports: ${REPORT_NAMES.join(', ')} (default: all of them).
Figures come from unique postings: processed, not a duplicate of an earlier posting, not
rejected as a non-job. A posting counts on the board's date, else the day it was first seen.
Salary figures use disclosed salaries only (monthly KES); groups with fewer than 5 are hidden.
Change figures compare the period (--since to --until, default the last 28 days up to the
latest posting) with the period of equal length just before it.
Each run first recomputes metrics_daily for the dates of postings processed since the last run.
`;

const insightsFlagsSchema = z
  .object({
    since: isoDateSchema.optional(),
    until: isoDateSchema.optional(),
    family: z.string().min(1).optional(),
    county: z.string().min(1).optional(),
    csv: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    fullRefresh: z.boolean().optional(),
  })
  .refine((flags) => flags.since === undefined || flags.until === undefined || flags.since <= flags.until, {
    message: '--since must not be after --until',
    path: ['since'],
  });

const reportArgumentSchema = z.enum(['all', ...REPORT_NAMES]);

export function createInsightsCommand(): Command {
  return new Command('insights')
    .description('labour-market reports from processed postings: tables, --json, --csv DIR, --html FILE')
    .argument('[report]', `one of ${REPORT_NAMES.join(', ')}, or all`, 'all')
    .option('--since <date>', 'first posting date included, YYYY-MM-DD')
    .option('--until <date>', 'last posting date included, YYYY-MM-DD')
    .option('--family <family>', 'only this title family (e.g. technology, finance_accounting, unclassified)')
    .option('--county <county>', 'only this county (e.g. Nairobi), or remote, outside_kenya, unknown')
    .option('--csv <dir>', 'write one CSV file per report into this folder')
    .option('--html <file>', 'write one self-contained HTML report with charts (a folder, or a path without .html, gets report.html)')
    .option('--full-refresh', 'recompute metrics_daily for every date, not only changed ones')
    .addHelpText('after', INSIGHTS_HELP)
    .action(async (rawReport: unknown, rawFlags: unknown, command: Command) => {
      const report = reportArgumentSchema.parse(rawReport);
      const flags = insightsFlagsSchema.parse(rawFlags);
      const reports: readonly ReportName[] = report === 'all' ? REPORT_NAMES : [report];

      const { runInsights } = await import('../../pipeline/insights/run-insights.js');
      await withContext(command, async (ctx, environment) => {
        const result = await runInsights(ctx, {
          reports,
          filter: { since: flags.since, until: flags.until, family: flags.family, county: flags.county },
          htmlPath: flags.html,
          csvDir: flags.csv,
          isFullRefresh: flags.fullRefresh ?? false,
        });

        if (environment.isJson) {
          const { tables: _tables, data, ...rest } = result.details;
          printJson({ ...result, details: { ...data, ...rest } });
        } else {
          renderInsights(result);
        }
      });
    });
}

function renderInsights(report: StageReport<InsightsDetails>): void {
  const { data, tables, files, metrics } = report.details;
  printKeyValues(
    [
      ['unique postings', data.uniquePostings],
      ['posting dates', data.postingDates.first === null ? null : `${data.postingDates.first} to ${data.postingDates.last}`],
      ['metrics_daily', `${metrics.dates} dates recomputed (${metrics.cells} cells)${metrics.isFull ? ', full rebuild' : ''}`],
      ['html report', files.html],
      ['csv files', files.csv.length === 0 ? null : files.csv.join(', ')],
    ],
    'Insights',
  );

  for (const table of tables) {
    if (table.terminalTailRows === 0) {
      continue;
    }
    const rows = table.terminalTailRows === undefined ? table.rows : table.rows.slice(-table.terminalTailRows);
    const title = rows.length < table.rows.length ? `${table.title}, last ${rows.length} of ${table.rows.length}` : table.title;
    if (rows.length === 0) {
      printLine(`\n${title}: no data`);
    } else {
      printTable(table.head, rows, title);
    }
  }
}
