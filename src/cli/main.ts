/**
 * The nextke program: global flags, the registered commands, signal handling and the exit
 * code. The only place that sets `process.exitCode`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Command, CommanderError, Option } from 'commander';

import { PACKAGE_ROOT } from '../config/load-config.js';
import { EXIT_CODE, InterruptedError } from '../lib/errors.js';
import { loadedSecrets, setProcessSignal } from './command-context.js';
import { createCommands } from './commands/index.js';
import { getCommandExitCode } from './exit-code.js';
import { handleError } from './handle-error.js';
import { applyColorChoice, detectTerminal } from './terminal.js';

const EXIT_CODE_HELP = `
Exit codes:
  0    success
  1    internal error (a bug: please report it with the version)
  2    usage or configuration error (bad flag, bad sites.yaml, bad environment value)
  3    finished, but failures crossed the threshold (some sites down, rows rejected)
  4    a dependency is unavailable (database unreachable, every site down)
  5    another run holds the lock (the message names the holder)
  130  interrupted by SIGINT or SIGTERM, after a clean stop
`;

export function readVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export function createProgram(version: string): Command {
  const program = new Command('nextke')
    .description('Keeps a labour-market database of Kenyan job postings fresh.')
    .version(version, '-V, --version', 'print the version')
    .option('--json', 'print results as JSON on stdout (logs stay on stderr)')
    .addOption(new Option('-v, --verbose', 'log debug events, SQL included').conflicts('quiet'))
    .option('-q, --quiet', 'log errors only')
    .option('--database-url <url>', 'PostgreSQL connection string (overrides DATABASE_URL)')
    .option('--data-dir <path>', 'folder of the embedded store when no server is configured (overrides NEXTKE_DATA_DIR)')
    .addHelpText('after', EXIT_CODE_HELP)
    .exitOverride();
  silenceCommanderErrors(program);

  for (const command of createCommands()) {
    program.addCommand(command.exitOverride().addHelpText('after', EXIT_CODE_HELP));
    silenceCommanderErrors(command);
  }
  return program;
}

/** Commander prints parse errors itself; handleError prints them once, with a hint, instead. */
function silenceCommanderErrors(command: Command): void {
  command.configureOutput({ outputError: () => undefined });
}

/** Runs the CLI with `argv` and sets the exit code. Never calls process.exit except on a second signal. */
export async function main(argv: string[]): Promise<void> {
  applyColorChoice(detectTerminal());
  exitQuietlyOnClosedStdout();
  const version = readVersion();
  const isJson = argv.includes('--json');
  const controller = installSignalHandlers();

  try {
    await createProgram(version).parseAsync(argv);
    process.exitCode = controller.signal.aborted ? EXIT_CODE.interrupted : getCommandExitCode();
  } catch (error) {
    if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed')) {
      process.exitCode = EXIT_CODE.ok;
      return;
    }
    const reported = controller.signal.aborted && !(error instanceof InterruptedError) ? new InterruptedError() : error;
    process.exitCode = handleError(reported, { isJson, version, secrets: loadedSecrets });
  }
}

/**
 * `nextke insights | head` closes stdout early. Writing on then raises EPIPE, which would crash
 * with a stack trace; the reader has all it wanted, so exit with the code decided so far.
 */
function exitQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? EXIT_CODE.ok);
    }
    throw error;
  });
}

/**
 * The first SIGINT/SIGTERM aborts the process signal: stages stop taking new work and finish or
 * roll back the current batch. A second one exits at once with 130.
 */
function installSignalHandlers(): AbortController {
  const controller = new AbortController();
  setProcessSignal(controller.signal);

  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`\n${signal} again: exiting now without a clean stop\n`);
      process.exit(EXIT_CODE.interrupted);
    }
    process.stderr.write(`\n${signal} received: finishing the current batch, then stopping (send it again to exit at once)\n`);
    controller.abort(new InterruptedError(`interrupted by ${signal}`));
  };

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller;
}
