import type { Command } from 'commander';

import { createStatusCommand } from './status.js';

/** Every registered command. A command is listed here only once it works end to end. */
export function createCommands(): Command[] {
  return [createStatusCommand()];
}
