import type { Command } from 'commander';

import { createDaemonCommand } from './daemon.js';
import { createInsightsCommand } from './insights.js';
import { createLearnCommand } from './learn.js';
import { createMigrateCommand } from './migrate.js';
import { createOptimizeCommand } from './optimize.js';
import { createProcessCommand } from './process.js';
import { createScrapeCommand } from './scrape.js';
import { createStatusCommand } from './status.js';
import { createWorkflowCommand } from './workflow.js';

/** Every registered command. A command is listed here only once it works end to end. */
export function createCommands(): Command[] {
  return [createStatusCommand(), createMigrateCommand(), createScrapeCommand(), createProcessCommand(), createWorkflowCommand(), createDaemonCommand(), createLearnCommand(), createOptimizeCommand(), createInsightsCommand()];
}
