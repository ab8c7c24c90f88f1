/** The messages between NormalizePool and its worker threads; every value survives structured cloning. */
import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import type { LatestRawPage } from '../../db/queries/raw-pages.js';
import type { AdapterProblem } from './adapter-lookup.js';
import type { LearnedHints } from './load-learned-hints.js';
import type { NormalizedBatch } from './normalize-batch.js';

/** The setup a worker receives once, at start. */
export interface NormalizeWorkerSetup {
  hints: LearnedHints;
  sitesFile: string;
  /** Under TypeScript sources only: the worker module the tsx bootstrap imports. */
  entryUrl?: string;
}

/** One chunk of a batch, in claim order, with the stored pages of its scraped postings. */
export interface NormalizeTask {
  taskId: number;
  postings: ClaimedPosting[];
  pages: LatestRawPage[];
}

export interface NormalizeReply {
  taskId: number;
  batch: NormalizedBatch;
  /** Sites whose adapter could not be built since the previous reply. */
  adapterProblems: AdapterProblem[];
}
