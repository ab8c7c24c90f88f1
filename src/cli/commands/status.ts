import { Command } from 'commander';

import type { StatusReport } from '../../pipeline/status/get-status.js';
import { withContext } from '../command-context.js';
import { formatCell, printJson, printKeyValues, printLine, printTable } from '../render.js';

export function createStatusCommand(): Command {
  return new Command('status')
    .description('show where the data is, the schema, posting counts by source, the sites and the last runs')
    .action(async (_options: unknown, command: Command) => {
      const { getStatus } = await import('../../pipeline/status/get-status.js');
      const { listConfiguredSites } = await import('../site-listing.js');

      await withContext(command, async (ctx, environment) => {
        const report = await getStatus(ctx, listConfiguredSites);
        if (environment.isJson) {
          printJson(report);
        } else {
          renderStatus(report);
        }
      });
    });
}

function renderStatus(report: StatusReport): void {
  printKeyValues(
    [
      ['store', report.store.kind === 'embedded' ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL'],
      ['location', report.store.location],
      ['schema', `${report.schema.applied.length} migrations applied, ${report.schema.pending.length} pending`],
      ['latest migration', report.schema.applied.at(-1) ?? '-'],
    ],
    'Database',
  );

  const { postings } = report;
  printTable(
    ['source', 'postings', 'processed', 'unprocessed', 'rejected', 'duplicates'],
    [
      ...postings.bySource.map((row) => [row.source, row.total, row.processed, row.unprocessed, row.rejected, row.duplicates]),
      ['total', postings.total, postings.processed, postings.unprocessed, postings.rejected, postings.duplicates],
    ],
    'Postings',
  );

  if (report.sites.length > 0) {
    printTable(
      ['site', 'enabled', 'base URL', 'last scrape', 'last status'],
      report.sites.map((site) => [site.id, site.isEnabled ? 'yes' : 'no', site.baseUrl, site.lastRunAt, site.lastStatus]),
      'Sites',
    );
  } else if (report.sitesError) {
    printLine(`\nSites: ${report.sitesError}`);
  }

  if (report.runs.length > 0) {
    printTable(
      ['run', 'trigger', 'status', 'started', 'duration', 'stages'],
      report.runs.map((run) => [
        run.id,
        run.trigger,
        run.status,
        run.startedAt,
        run.durationMs === null ? null : `${(run.durationMs / 1000).toFixed(1)} s`,
        run.stages.map((stage) => `${stage.name}:${stage.status}`).join(' '),
      ]),
      'Last workflow runs',
    );
  } else {
    printLine('\nNo workflow runs yet.');
  }

  for (const daemon of report.daemons) {
    printKeyValues(
      [
        ['daemon', `pid ${daemon.pid} on ${daemon.host}`],
        ['last heartbeat', daemon.beatAt],
        ...Object.entries(daemon.nextRuns).map(([schedule, next]) => [`next ${schedule}`, formatCell(next)] as const),
      ],
      'Daemon',
    );
  }
}
