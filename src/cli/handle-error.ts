/**
 * Maps any thrown value to one stderr message and an exit code. Known errors print their
 * message and hint; anything else is a bug, and the message requests a report with the version.
 */
import chalk from 'chalk';
import { CommanderError } from 'commander';
import { ZodError } from 'zod';

import { EXIT_CODE, NextkeError, redactSecrets, type ExitCode } from '../lib/errors.js';
import { formatOptionIssues } from './format-option-issues.js';

export interface ErrorOutput {
  isJson: boolean;
  version: string;
  secrets: readonly string[];
}

export function handleError(error: unknown, output: ErrorOutput): ExitCode {
  const { message, hint, exitCode, code } = describeError(error, output.version);
  const safeMessage = redactSecrets(message, output.secrets);
  const safeHint = hint ? redactSecrets(hint, output.secrets) : undefined;

  if (output.isJson) {
    process.stderr.write(JSON.stringify({ level: 'error', code, message: safeMessage, hint: safeHint, exitCode }) + '\n');
  } else {
    process.stderr.write(`${chalk.red('error:')} ${safeMessage}\n`);
    if (safeHint) {
      process.stderr.write(`${chalk.dim('hint:')} ${safeHint}\n`);
    }
  }
  return exitCode;
}

function describeError(error: unknown, version: string): { message: string; hint?: string; exitCode: ExitCode; code: string } {
  if (error instanceof NextkeError) {
    return { message: error.message, hint: error.hint, exitCode: error.exitCode, code: error.code };
  }

  if (error instanceof CommanderError) {
    return { message: error.message.replace(/^error: /, ''), hint: 'run nextke --help for usage', exitCode: EXIT_CODE.usage, code: 'E_USAGE' };
  }

  if (error instanceof ZodError) {
    return { message: formatOptionIssues(error), hint: 'run the command with --help for its flags', exitCode: EXIT_CODE.usage, code: 'E_USAGE' };
  }

  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    message: `internal error: ${redactHome(detail)}`,
    hint: `this is a bug in nextke ${version}: please report it with this message and the command you ran`,
    exitCode: EXIT_CODE.internal,
    code: 'E_INTERNAL',
  };
}

/** Replaces the user's home folder in stack traces so that bug reports do not leak local paths. */
function redactHome(text: string): string {
  const home = process.env.HOME;
  return home && home.length > 1 ? text.split(home).join('~') : text;
}
