import { Command } from 'commander';
import { z } from 'zod';

import type { DaemonReport } from '../../daemon/run-daemon.js';
import type { WorkerReport } from '../../daemon/run-worker.js';
import { UsageError } from '../../lib/errors.js';
import { silentProgress } from '../../lib/progress.js';
import { createCommandEnvironment, withContext } from '../command-context.js';
import { printJson } from '../render.js';

export const daemonOptionsSchema = z.object({
  workflowCron: z.string().optional(),
  checkCron: z.string().optional(),
  insightsCron: z.string().optional(),
  timezone: z.string().optional(),
  worker: z.boolean().optional(),
  pollSeconds: z.coerce.number().int().min(1).max(45).default(2),
  // commander's --no-resume sets resume to false.
  resume: z.boolean().default(true),
});

export function createDaemonCommand(): Command {
  return new Command('daemon')
    .description('run the workflow, the site check and insights on cron schedules until SIGINT/SIGTERM')
    .option('--workflow-cron <expression>', 'schedule of the daily workflow (default "0 2 * * *"; env NEXTKE_SCHEDULE_WORKFLOW)')
    .option('--check-cron <expression>', 'schedule of the site health check (default "0 */6 * * *"; env NEXTKE_SCHEDULE_CHECK)')
    .option('--insights-cron <expression>', 'schedule of the insights refresh (default "0 */4 * * *"; env NEXTKE_SCHEDULE_INSIGHTS)')
    .option('--timezone <zone>', 'IANA time zone of the schedules (default Africa/Nairobi; env NEXTKE_SCHEDULE_TIMEZONE)')
    .option('--worker', 'join a cluster on PostgreSQL: drain shared pg-boss queues; each schedule runs once per tick for all workers')
    .option('--poll-seconds <seconds>', 'with --worker: how often queues and schedules are polled, 1-45 s', '2')
    .option('--no-resume', 'do not resume an interrupted run at start')
    .addHelpText('after', '\nA schedule section in nextke.yaml (or the file NEXTKE_CONFIG names) sets the same values:\n  schedule:\n    workflow: "0 2 * * *"\n    timezone: Africa/Nairobi\n')
    .action(async (rawOptions: unknown, command: Command) => {
      const options = daemonOptionsSchema.parse(rawOptions);

      // Validate the schedules before opening the database, so a typo fails at once with exit 2.
      const { config } = createCommandEnvironment(command);
      const { resolveSchedules } = await import('../../daemon/resolve-schedules.js');
      const schedules = resolveSchedules(
        { workflow: options.workflowCron, check: options.checkCron, insights: options.insightsCron, timezone: options.timezone },
        config.env,
        process.cwd(),
      );
      if (options.worker && config.database.kind !== 'postgres') {
        throw new UsageError('nextke daemon --worker needs a PostgreSQL server: the embedded store serves one process only', {
          hint: 'set DATABASE_URL to a server every worker can reach, or run nextke daemon without --worker',
        });
      }

      const { createDefaultDaemonJobs, createDefaultWorkerJobs } = await import('../../daemon/default-worker-jobs.js');
      await withContext(command, async (ctx, environment) => {
        const daemonCtx = { ...ctx, progress: silentProgress };
        let report: WorkerReport | DaemonReport;
        if (options.worker) {
          // Only the worker needs pg-boss, which run-worker.ts imports.
          const { runWorker } = await import('../../daemon/run-worker.js');
          report = await runWorker(daemonCtx, { schedules, pollSeconds: options.pollSeconds }, createDefaultWorkerJobs());
        } else {
          const { runDaemon } = await import('../../daemon/run-daemon.js');
          report = await runDaemon(daemonCtx, { schedules, shouldResumeInterrupted: options.resume }, createDefaultDaemonJobs());
        }

        if (environment.isJson) {
          printJson(report);
        }
      });
    });
}
