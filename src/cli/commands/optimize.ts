import { Command } from 'commander';

import type { OptimizeDetails } from '../../pipeline/optimize/run-optimize.js';
import type { StageReport } from '../../pipeline/run-report.js';
import { withContext } from '../command-context.js';
import { printJson, printKeyValues } from '../render.js';

const OPTIMIZE_HELP = `
Runs when at least WORKFLOW_LEARNING_THRESHOLD postings (default 100) were processed since the
last optimize run, or with --force. It removes rejected postings from the near-duplicate index,
retrains the title-family classifier (naive Bayes over title words, trained on titles the rules
place with confidence; 20% of titles are held out for the accuracy figure), and runs ANALYZE on
the main tables. What it did is recorded in processing_log.
`;

export function createOptimizeCommand(): Command {
  return new Command('optimize')
    .description('refresh the near-duplicate index, the title classifier and table statistics')
    .option('--force', 'run even below WORKFLOW_LEARNING_THRESHOLD')
    .addHelpText('after', OPTIMIZE_HELP)
    .action(async (rawFlags: { force?: boolean }, command: Command) => {
      const { runOptimize } = await import('../../pipeline/optimize/run-optimize.js');
      await withContext(command, async (ctx, environment) => {
        const report = await runOptimize(ctx, { isForced: rawFlags.force === true });
        if (environment.isJson) {
          printJson(report);
        } else {
          renderOptimizeReport(report);
        }
      });
    });
}

function renderOptimizeReport(report: StageReport<OptimizeDetails>): void {
  const { details } = report;
  const classifier = details.classifier;
  const percent = (share: number | null | undefined) => (share === null || share === undefined ? null : `${(share * 100).toFixed(1)}%`);

  printKeyValues(
    [
      ['status', report.status],
      ['reason', report.reason],
      ['processed since last run', `${details.processedSinceLastRun} (threshold ${details.learningThreshold})`],
      ['near-duplicate signatures', details.nearDuplicateIndex?.signatures],
      ['signatures without band keys', details.nearDuplicateIndex?.signaturesWithoutBandKeys],
      ['rejects removed from index', details.nearDuplicateIndex?.rejectsRemoved],
      ['classifier titles (train / test)', classifier === null ? null : `${classifier.trainingTitles} / ${classifier.testTitles}`],
      ['classifier accuracy (titles)', percent(classifier?.accuracy)],
      ['classifier accuracy (postings)', percent(classifier?.postingAccuracy)],
      ['analyzed tables', details.analyzedTables.join(', ')],
    ],
    'Optimize',
  );
}
