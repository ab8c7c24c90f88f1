/**
 * Turns the global flags into a configuration, a logger, an open store and a Context, runs one
 * command action inside it, and always closes the store. Every command goes through here.
 * `main` imports this file for the process signal, so the database client loads only when an
 * action opens the store.
 */
import type { Command } from 'commander';

import { loadConfig, type AppConfig } from '../config/load-config.js';
import { createLogger, type Logger } from '../lib/log.js';
import type { Context } from '../pipeline/context.js';
import { createProgressDisplay } from './progress-display.js';
import { detectTerminal } from './terminal.js';

export interface GlobalFlags {
  json?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  databaseUrl?: string;
  dataDir?: string;
}

export interface CommandEnvironment {
  config: AppConfig;
  log: Logger;
  isJson: boolean;
  signal: AbortSignal;
}

/** The abort signal of this process, wired to SIGINT/SIGTERM by `main`. */
let processSignal: AbortSignal = new AbortController().signal;

export function setProcessSignal(signal: AbortSignal): void {
  processSignal = signal;
}

/** The secrets of the last loaded config, so that the error handler can mask them. */
export const loadedSecrets: string[] = [];

export function readGlobalFlags(command: Command): GlobalFlags {
  return command.optsWithGlobals<GlobalFlags>();
}

/** Loads configuration and a logger only: for commands that do not open the database. */
export function createCommandEnvironment(command: Command): CommandEnvironment {
  const flags = readGlobalFlags(command);
  const config = loadConfig({
    flags: { databaseUrl: flags.databaseUrl, dataDir: flags.dataDir, isJson: flags.json, isVerbose: flags.verbose, isQuiet: flags.quiet },
  });
  loadedSecrets.push(...config.secrets);

  const log = createLogger({ level: config.log.level, isJson: config.log.isJson, secrets: config.secrets });
  return { config, log, isJson: flags.json ?? false, signal: processSignal };
}

/** Opens the store, runs `action` with a full Context, and closes the store whatever happens. */
export async function withContext<T>(command: Command, action: (ctx: Context, environment: CommandEnvironment) => Promise<T>): Promise<T> {
  const environment = createCommandEnvironment(command);
  const flags = readGlobalFlags(command);
  const progress = await createProgressDisplay(detectTerminal(), flags.quiet === true || environment.isJson);
  const { openStore } = await import('../db/client.js');
  const store = await openStore(environment.config.database, { log: environment.log });

  const ctx: Context = {
    config: environment.config,
    store,
    log: environment.log,
    progress,
    signal: environment.signal,
  };

  try {
    return await action(ctx, environment);
  } finally {
    ctx.progress.stop();
    await store.close();
  }
}
