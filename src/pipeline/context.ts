/**
 * What every stage receives from the CLI: the resolved configuration, the open store, a logger,
 * a progress reporter and the signal that SIGINT/SIGTERM aborts.
 */
import type { AppConfig } from '../config/load-config.js';
import type { Store } from '../db/client.js';
import type { Logger } from '../lib/log.js';
import type { ProgressReporter } from '../lib/progress.js';

export interface Context {
  config: AppConfig;
  store: Store;
  log: Logger;
  progress: ProgressReporter;
  /** Aborted on the first SIGINT/SIGTERM: stages stop taking new work, finish the current batch and return. */
  signal: AbortSignal;
}
