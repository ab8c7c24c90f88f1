/**
 * The exit code a command action decided on, read by `main` after the action returns. Only
 * files in `src/cli/` set it.
 */
import { EXIT_CODE, type ExitCode } from '../lib/errors.js';

let commandExitCode: ExitCode = EXIT_CODE.ok;

export function setCommandExitCode(code: ExitCode): void {
  commandExitCode = code;
}

export function getCommandExitCode(): ExitCode {
  return commandExitCode;
}
