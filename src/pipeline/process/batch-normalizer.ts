/**
 * Chooses where a process run normalizes its batches: on worker threads by default, on the main
 * thread when the run has no workers or brings its own adapter lookup. A lookup is a function,
 * which cannot be sent to a thread.
 */
import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import type { LatestRawPage } from '../../db/queries/raw-pages.js';
import type { Logger } from '../../lib/log.js';
import { ADAPTER_UNAVAILABLE_EVENT, createAdapterLookup, type AdapterProblem } from './adapter-lookup.js';
import type { AdapterLookup } from './build-posting-input.js';
import type { LearnedHints } from './load-learned-hints.js';
import type { NormalizedBatch } from './normalize-batch.js';
import { NormalizePool } from './normalize-pool.js';

export interface BatchNormalizer {
  /** Normalizes a claimed batch; `pages` contains the stored pages of its scraped postings. */
  normalize(claimed: readonly ClaimedPosting[], pages: ReadonlyMap<string, LatestRawPage>): Promise<NormalizedBatch>;
  /** Stops the worker threads, if any. */
  close(): Promise<void>;
}

export interface BatchNormalizerOptions {
  /** Worker threads; 0 normalizes on the main thread. */
  workers: number;
  hints: LearnedHints;
  sitesFile: string;
  /** A lookup of the caller's own; forces the main thread. */
  findAdapter?: AdapterLookup;
  log: Logger;
}

/** Creates the normalizer of one process run; the caller must close it. */
export function createBatchNormalizer(options: BatchNormalizerOptions): BatchNormalizer {
  const logProblem = (problem: AdapterProblem) => options.log.warnOnce(ADAPTER_UNAVAILABLE_EVENT, { ...problem });

  if (options.workers === 0 || options.findAdapter !== undefined) {
    const findAdapter = options.findAdapter ?? createAdapterLookup(options.sitesFile, logProblem);
    // Loaded on first use, so that a run with workers keeps the normalizers out of the main thread.
    const loading = import('./normalize-batch.js');
    return {
      normalize: async (claimed, pages) => (await loading).normalizeBatch(claimed, pages, options.hints, findAdapter),
      close: async () => undefined,
    };
  }

  const pool = new NormalizePool(options.workers, { hints: options.hints, sitesFile: options.sitesFile }, logProblem);
  return {
    normalize: (claimed, pages) => pool.normalize(claimed, pages),
    close: () => pool.close(),
  };
}
