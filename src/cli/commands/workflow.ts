import { Command, Option } from 'commander';
import { z } from 'zod';

import type { ExitCode } from '../../lib/errors.js';
import { STAGE_NAMES, type StageName } from '../../pipeline/run-report.js';
import { WORKFLOW_TRIGGERS, type WorkflowOptions } from '../../workflow/workflow-options.js';
import type { WorkflowPlan, WorkflowRunReport } from '../../workflow/workflow-run-report.js';
import { withContext } from '../command-context.js';
import { setCommandExitCode } from '../exit-code.js';
import { printJson, printKeyValues, printLine, printTable } from '../render.js';

const stageListSchema = z
  .string()
  .transform((value) => value.split(',').map((name) => name.trim()).filter((name) => name !== ''))
  .pipe(z.array(z.enum(STAGE_NAMES)).min(1, 'list at least one stage'));

export const workflowOptionsSchema = z.object({
  stages: stageListSchema.optional(),
  from: z.enum(STAGE_NAMES).optional(),
  // commander gives `true` for a bare --resume: the newest run.
  resume: z.union([z.literal(true), z.string().regex(/^\d+$/, 'a run id is a positive integer')]).optional(),
  dryRun: z.boolean().optional(),
  migrateFrom: z.string().min(1).optional(),
  html: z.string().min(1).optional(),
  trigger: z.enum(WORKFLOW_TRIGGERS).optional(),
});

export function createWorkflowCommand(): Command {
  return new Command('workflow')
    .description('run the daily job as one recorded, resumable, locked run: scrape, process, learn, optimize, insights')
    .option('--stages <list>', `run only these stages, comma-separated (${STAGE_NAMES.join(', ')})`)
    .option('--from <stage>', 'start at this stage and run the ones after it')
    .option('--resume [runId]', 'continue a failed or interrupted run from its first unfinished stage (default: the newest run)')
    .option('--dry-run', 'print the planned stages without running them')
    .option('--migrate-from <path>', 'import this legacy SQLite file as a first stage')
    .option('--html <dir>', 'folder the insights stage writes its HTML report to')
    .addOption(new Option('--trigger <kind>', 'what started the run, recorded with it (default: ci when CI is set, else manual)').choices([...WORKFLOW_TRIGGERS]))
    .action(async (rawOptions: unknown, command: Command) => {
      const parsed = workflowOptionsSchema.parse(rawOptions);

      const { planWorkflow, runWorkflow } = await import('../../workflow/run-workflow.js');
      await withContext(command, async (ctx, environment) => {
        const options = toWorkflowOptions(parsed, environment.config.env);
        if (options.isDryRun) {
          const plan = await planWorkflow(ctx, options);
          if (environment.isJson) {
            printJson(plan);
          } else {
            renderPlan(plan);
          }
          return;
        }

        const { createDefaultStageRegistry } = await import('../../workflow/default-stage-registry.js');
        const report = await runWorkflow(ctx, options, createDefaultStageRegistry());
        if (environment.isJson) {
          printJson(report);
        } else {
          renderRunReport(report);
        }
        setCommandExitCode(report.exitCode as ExitCode);
      });
    });
}

function toWorkflowOptions(parsed: z.infer<typeof workflowOptionsSchema>, env: Record<string, string | undefined>): WorkflowOptions {
  const isCi = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  return {
    trigger: parsed.trigger ?? (isCi ? 'ci' : 'manual'),
    stages: parsed.stages as StageName[] | undefined,
    fromStage: parsed.from,
    resumeRunId: parsed.resume === true ? 'latest' : parsed.resume,
    migrateFrom: parsed.migrateFrom,
    htmlDir: parsed.html,
    isDryRun: parsed.dryRun ?? false,
  };
}

function renderPlan(plan: WorkflowPlan): void {
  printKeyValues(
    [
      ['stages', plan.stages.join(' → ')],
      ['resumes run', plan.resumedFrom],
      ['legacy file', plan.migrateFrom],
      ['HTML report', plan.htmlDir],
    ],
    'Workflow plan (dry run: nothing was run)',
  );
}

export function renderRunReport(report: WorkflowRunReport): void {
  printTable(
    ['stage', 'status', 'duration', 'counts', 'error'],
    report.stages.map((stage) => [
      stage.name,
      stage.status,
      stage.status === 'pending' ? null : `${(stage.durationMs / 1000).toFixed(1)} s`,
      formatCounts(stage.counts),
      truncate(stage.error, MAX_ERROR_CELL_LENGTH),
    ]),
    `Workflow run ${report.runId} (${report.trigger}): ${report.status}, exit code ${report.exitCode}, ${(report.durationMs / 1000).toFixed(1)} s`,
  );

  if (report.interruptedRunIds.length > 0) {
    printLine(`Marked interrupted (their process had died): run ${report.interruptedRunIds.join(', ')}`);
  }
  if (report.status === 'failed' || report.status === 'interrupted') {
    printLine(`Continue it with: nextke workflow --resume ${report.runId}`);
  }
}

// The table keeps one line per stage on a normal terminal; --json and `nextke status --json` carry the full text.
const MAX_ERROR_CELL_LENGTH = 90;

function truncate(text: string | null, maxLength: number): string | null {
  return text !== null && text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, value]) => `${name}=${value.toLocaleString('en-US')}`)
    .join(' ');
}
