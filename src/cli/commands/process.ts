import { Command } from 'commander';
import { z } from 'zod';

import { EXIT_CODE } from '../../lib/errors.js';
import { DEFAULT_LEASE_MS } from '../../pipeline/process/claim-lease.js';
import { MAX_NORMALIZE_WORKERS } from '../../pipeline/process/resolve-worker-count.js';
import type { ProcessDetails, ProcessOptions } from '../../pipeline/process/run-process.js';
import type { StageReport } from '../../pipeline/run-report.js';
import { withContext } from '../command-context.js';
import { setCommandExitCode } from '../exit-code.js';
import { printJson, printKeyValues, printTable } from '../render.js';

const PROCESS_HELP = `
Postings are claimed in batches under a lease, so several runs (on one machine or on several
sharing one PostgreSQL) split the work and never process a posting twice; the claims of a run
that dies are taken over when its lease ends. Each batch is saved in one transaction.
Postings that are not jobs are kept with a reject reason and left out of insights; copies of
one advert (same organization, same normalized title, near-identical description) point at
the earliest copy through duplicate_of. The command exits 3 when a posting failed in the code.
`;

const DEFAULT_LEASE_SECONDS = DEFAULT_LEASE_MS / 1000;

const processFlagsSchema = z.object({
  batchSize: z.coerce.number().int().min(1).max(10_000).optional(),
  limit: z.coerce.number().int().min(1).optional(),
  reprocess: z.boolean().optional(),
  site: z.string().min(1).optional(),
  leaseSeconds: z.coerce.number().int().min(10).max(86_400),
  workers: z.coerce.number().int().min(0).max(MAX_NORMALIZE_WORKERS).optional(),
});

export function createProcessCommand(): Command {
  return new Command('process')
    .description('extract, normalize, deduplicate and save unprocessed postings')
    .option('--batch-size <postings>', 'postings per claim and transaction (default WORKFLOW_BATCH_SIZE)')
    .option('--limit <postings>', 'stop after this many postings')
    .option('--reprocess', 'process every posting again, also those already processed (after a normalizer change)')
    .option('--site <name>', 'only postings of this source (board key such as myjobmag, or a domain)')
    .option('--lease-seconds <seconds>', 'how long a claim lasts before another run may take it over', String(DEFAULT_LEASE_SECONDS))
    .option('--workers <threads>', 'worker threads that normalize postings, 0 for the main thread (default NEXTKE_PROCESS_WORKERS, else the number of CPUs)')
    .addHelpText('after', PROCESS_HELP)
    .action(async (rawFlags: unknown, command: Command) => {
      const flags = processFlagsSchema.parse(rawFlags);

      const { runProcess } = await import('../../pipeline/process/run-process.js');
      await withContext(command, async (ctx, environment) => {
        const options: ProcessOptions = {
          batchSize: flags.batchSize ?? ctx.config.workflow.batchSize,
          limit: flags.limit,
          isReprocess: flags.reprocess ?? false,
          site: flags.site,
          leaseMs: flags.leaseSeconds * 1000,
          workers: flags.workers,
        };
        const report = await runProcess(ctx, options);

        if (environment.isJson) {
          printJson(report);
        } else {
          renderProcessReport(report);
        }
        if (report.status === 'partial') {
          setCommandExitCode(EXIT_CODE.partial);
        }
      });
    });
}

function renderProcessReport(report: StageReport<ProcessDetails>): void {
  const { details } = report;
  const filled = details.fieldsFilledPercent;

  printKeyValues(
    [
      ['status', report.status],
      ['processed', details.processed],
      ['accepted', details.accepted],
      ['rejected', details.rejected],
      ['duplicates', details.duplicates],
      ['mean quality', details.meanQuality],
      ['seconds', details.seconds],
      ['postings/s', details.postingsPerSecond],
      ['normalize workers', details.workers],
      ['normalize / database', `${(details.normalizeMs / 1000).toFixed(1)} s / ${(details.databaseMs / 1000).toFixed(1)} s`],
    ],
    'Processing',
  );

  printTable(
    ['salary', 'county', 'employment type', 'education', 'experience', 'skills'],
    [[filled.salary, filled.county, filled.employmentType, filled.education, filled.experience, filled.skills].map((value) => `${value}%`)],
    'Fields filled (% of accepted postings)',
  );

  const reasons = Object.entries(details.rejectedByReason);
  if (reasons.length > 0) {
    printTable(['reason', 'postings'], reasons, 'Rejected by reason');
  }
  if (report.errorGroups.length > 0) {
    printTable(['error', 'count', 'example'], report.errorGroups.map((group) => [group.group, group.count, group.example]), 'Errors');
  }
}
