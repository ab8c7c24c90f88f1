import type { Command } from 'commander';

import { createInsightsCommand } from './insights.js';
import { createMigrateCommand } from './migrate.js';
import { createProcessCommand } from './process.js';
import { createStatusCommand } from './status.js';
import { createWorkflowCommand } from './workflow.js';

/** Every registered command. A command is listed here only once it works end to end. */
export function createCommands(): Command[] {
  return [createStatusCommand(), createMigrateCommand(), createProcessCommand(), createWorkflowCommand(), createInsightsCommand()];
}
