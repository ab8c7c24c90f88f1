import { Command } from 'commander';
import { z } from 'zod';

import { EXIT_CODE } from '../../lib/errors.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_MAX_REJECT_RATIO, DEFAULT_REJECTS_PATH, type MigrateOptions } from '../../pipeline/migrate/migrate-options.js';
import type { MigrateDetails } from '../../pipeline/migrate/run-migrate.js';
import type { StageReport } from '../../pipeline/run-report.js';
import { createCommandEnvironment, withContext } from '../command-context.js';
import { setCommandExitCode } from '../exit-code.js';
import { printJson, printKeyValues, printTable } from '../render.js';

const MIGRATE_HELP = `
Rows that cannot be migrated (null or empty full_link, a URL that is not http(s), a URL over
2,048 bytes, text that is not valid UTF-8 or contains NUL bytes, content over 1 MiB, a second
row with the same canonical URL) are skipped and appended to the rejects file as JSON lines.
The command exits 3 when rejected rows exceed --max-reject-ratio of the rows read.
Each batch commits with its checkpoint: after a crash or SIGINT, run the same command again.
`;

const migrateFlagsSchema = z.object({
  from: z.string().min(1).optional(),
  table: z.string().min(1).optional(),
  batchSize: z.coerce.number().int().min(1).max(100_000),
  dryRun: z.boolean().optional(),
  rejects: z.string().min(1),
  maxRejectRatio: z.coerce.number().min(0).max(1),
  restart: z.boolean().optional(),
});

export function createMigrateCommand(): Command {
  return new Command('migrate')
    .description('copy the legacy SQLite job store into job_post (COPY on PostgreSQL), resumable and idempotent')
    .option('--from <path>', 'legacy SQLite file (default LEGACY_SQLITE_PATH, else db/jobs.sqlite3)')
    .option('--table <name>', 'legacy table (default LEGACY_SQLITE_TABLE, else jobs_data)')
    .option('--batch-size <rows>', 'legacy rows per transaction and checkpoint', String(DEFAULT_BATCH_SIZE))
    .option('--dry-run', 'read and validate every row, write nothing')
    .option('--rejects <file>', 'JSON-lines file that rejected rows are appended to', DEFAULT_REJECTS_PATH)
    .option('--max-reject-ratio <ratio>', 'exit 3 when rejected rows exceed this share of rows read (0 to 1)', String(DEFAULT_MAX_REJECT_RATIO))
    .option('--restart', 'ignore the checkpoint and read from the first row again (rows already present are kept)')
    .addHelpText('after', MIGRATE_HELP)
    .action(async (rawFlags: unknown, command: Command) => {
      const flags = migrateFlagsSchema.parse(rawFlags);
      const { legacy } = createCommandEnvironment(command).config;
      const options: MigrateOptions = {
        fromPath: flags.from ?? legacy.sqlitePath,
        table: flags.table ?? legacy.table,
        batchSize: flags.batchSize,
        isDryRun: flags.dryRun ?? false,
        rejectsPath: flags.rejects,
        maxRejectRatio: flags.maxRejectRatio,
        shouldRestart: flags.restart ?? false,
      };
      // A wrong file, table or column is reported before the database is opened, whatever its state.
      const { openLegacySource } = await import('../../pipeline/migrate/legacy-source.js');
      openLegacySource(options.fromPath, options.table).close();

      const { runMigrate } = await import('../../pipeline/migrate/run-migrate.js');
      await withContext(command, async (ctx, environment) => {
        const report = await runMigrate(ctx, options);

        if (environment.isJson) {
          printJson(report);
        } else {
          renderMigrateReport(report);
        }
        if (report.status === 'partial') {
          setCommandExitCode(EXIT_CODE.partial);
        }
      });
    });
}

function renderMigrateReport(report: StageReport<MigrateDetails>): void {
  const { counts, details } = report;
  const seconds = report.durationMs / 1000;

  printKeyValues(
    [
      ['status', details.isDryRun ? `${report.status} (dry run: nothing written)` : report.status],
      ['from', `${details.from} (table ${details.table})`],
      ['resumed after legacy id', details.resumedAfterLegacyId],
      ['read', counts.read],
      [details.isDryRun ? 'would insert' : 'inserted', counts.inserted],
      ['already present', counts.alreadyPresent],
      ['rejected', counts.rejected],
      ['titles truncated', counts.titlesTruncated],
      ['seconds', Number(seconds.toFixed(1))],
      ['rows/s', details.rowsPerSecond],
      ['checkpoint', `legacy id ${details.lastLegacyId}`],
      ['rejects file', details.rejectsFile ?? '-'],
    ],
    'Migration',
  );

  if (report.errorGroups.length > 0) {
    printTable(
      ['reason', 'rows', 'example'],
      report.errorGroups.map((group) => [group.group, group.count, group.example]),
      'Rejected rows by reason',
    );
  }
}
