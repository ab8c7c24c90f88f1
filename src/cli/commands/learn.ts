import { Command } from 'commander';
import { z } from 'zod';

import { PATTERN_STATUSES } from '../../db/learned-pattern-kinds.js';
import type { LearnedPattern } from '../../db/queries/learned-patterns.js';
import { EXIT_CODE } from '../../lib/errors.js';
import { AUTO_ACCEPT_THRESHOLDS } from '../../pipeline/learn/auto-accept-thresholds.js';
import { withContext } from '../command-context.js';
import { setCommandExitCode } from '../exit-code.js';
import { printJson, printKeyValues, printLine, printTable } from '../render.js';

const thresholdLines = Object.entries(AUTO_ACCEPT_THRESHOLDS)
  .map(([kind, threshold]) => `  ${kind.padEnd(12)} support >= ${threshold.minSupport} postings and confidence >= ${threshold.minConfidence}`)
  .join('\n');

const LEARN_HELP = `
Patterns (learned_pattern kinds):
  title_alias        a recurring canonical title mapped to an established one (confidence: title
                     similarity), or a recurring title without a family proposed as a new
                     canonical title with a suggested family (confidence: classifier probability
                     or title similarity)
  skill              a phrase in requirement sections that is not in the skill taxonomy
                     (confidence: organizations / postings)
  salary_pattern     p25, median and p75 of monthly KES by family x county x seniority (n >= 5)
  employer_activity  organizations by postings, duplicates and repost rate
  family_trend       families growing or shrinking over the last 28 days vs the 28 before
Accepted title_alias and skill patterns are used by the next \`nextke process\` run.
--auto-accept accepts proposals at or above:
${thresholdLines}
`;

const learnFlagsSchema = z.object({
  list: z.boolean().optional(),
  accept: z.array(z.string().regex(/^\d+$/, 'expected a numeric pattern id, as shown by --list')).optional(),
  autoAccept: z.boolean().optional(),
  kind: z.array(z.string().min(1)).optional(),
  status: z.enum(PATTERN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100_000),
});

export function createLearnCommand(): Command {
  return new Command('learn')
    .description('derive title aliases, skill candidates, salary and hiring patterns from processed postings')
    .option('--list', 'show stored patterns instead of deriving them')
    .option('--accept <ids...>', 'accept the patterns with these ids (see --list)')
    .option('--auto-accept', 'after deriving, accept proposals above the thresholds below')
    .option('--kind <kinds...>', 'with --list: only these kinds (default title_alias and skill)')
    .option('--status <status>', `with --list: only ${PATTERN_STATUSES.join(' or ')} patterns`)
    .option('--limit <rows>', 'with --list: show at most this many patterns', '50')
    .addHelpText('after', LEARN_HELP)
    .action(async (rawFlags: unknown, command: Command) => {
      const flags = learnFlagsSchema.parse(rawFlags);

      await withContext(command, async (ctx, environment) => {
        if (flags.accept !== undefined) {
          const { acceptPatterns } = await import('../../pipeline/learn/manage-patterns.js');
          const accepted = await acceptPatterns(ctx, flags.accept);
          printPatterns(accepted, 'Accepted', environment.isJson);
          return;
        }

        if (flags.list === true) {
          const { listPatterns } = await import('../../pipeline/learn/manage-patterns.js');
          const patterns = await listPatterns(ctx, { kinds: flags.kind ?? ['title_alias', 'skill'], status: flags.status, limit: flags.limit });
          printPatterns(patterns, 'Learned patterns', environment.isJson);
          return;
        }

        const { runLearn } = await import('../../pipeline/learn/run-learn.js');
        const report = await runLearn(ctx, { isAutoAccept: flags.autoAccept ?? false });
        if (environment.isJson) {
          printJson(report);
        } else {
          printKeyValues(Object.entries(report.counts), `Learn: ${report.status}`);
          printLine('\nReview proposals with `nextke learn --list`, accept with `nextke learn --accept ID...`.');
        }
        if (report.status === 'interrupted') {
          setCommandExitCode(EXIT_CODE.interrupted);
        }
      });
    });
}

function printPatterns(patterns: readonly LearnedPattern[], title: string, isJson: boolean): void {
  if (isJson) {
    printJson(patterns);
    return;
  }
  if (patterns.length === 0) {
    printLine(`\n${title}: none`);
    return;
  }

  printTable(
    ['id', 'kind', 'key', 'proposal', 'support', 'confidence', 'status'],
    patterns.map((pattern) => [pattern.id, pattern.kind, pattern.key, describeValue(pattern), pattern.support, pattern.confidence, pattern.status]),
    title,
  );
}

function describeValue(pattern: LearnedPattern): string {
  const value = pattern.value;
  if (pattern.kind === 'title_alias') {
    const target = value.isNewCanonical === true ? 'new title' : `alias of "${String(value.canonical)}"`;
    return `${target}, family ${String(value.family)}`;
  }
  if (pattern.kind === 'skill') {
    return `new skill, ${String(value.organizations)} organizations`;
  }
  if (pattern.kind === 'salary_pattern') {
    return `KES ${String(value.p25)} / ${String(value.p50)} / ${String(value.p75)} (n=${String(value.n)})`;
  }
  return JSON.stringify(value).slice(0, 80);
}
