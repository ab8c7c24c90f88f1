/**
 * Normalizes claimed batches on worker threads, so that normalizing, the CPU-bound part of
 * `nextke process`, uses every core while the main thread talks to the database. A batch is cut
 * into contiguous chunks dealt to the workers in turn, and the results are joined in claim order.
 */
import { Worker } from 'node:worker_threads';

import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import type { LatestRawPage } from '../../db/queries/raw-pages.js';
import { InternalError } from '../../lib/errors.js';
import type { AdapterProblem } from './adapter-lookup.js';
import type { NormalizedBatch } from './normalize-batch.js';
import type { NormalizeReply, NormalizeTask, NormalizeWorkerSetup } from './normalize-messages.js';

/**
 * Normalizing leaves only short-lived garbage, so a small young generation costs no CPU but
 * keeps each worker about 25 MB smaller than V8's default on batches of 1,000 postings
 * (measured with Node 20 on migrated postings).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Postings per message. Small chunks keep the copies each message makes (the serialized postings
 * and their stored pages on both sides) small, and still cost one round trip per 100 postings.
 */
const CHUNK_POSTINGS = 100;

interface PendingTask {
  resolve: (reply: NormalizeReply) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  thread: Worker;
  pending: Map<number, PendingTask>;
}

export class NormalizePool {
  readonly #workers: PoolWorker[];

  readonly #onAdapterProblem: (problem: AdapterProblem) => void;

  #nextTaskId = 1;

  /** Set once a worker has died; every later batch is rejected with it. */
  #failure: Error | undefined;

  #isClosed = false;

  /** Starts `size` worker threads (at least one); `onAdapterProblem` receives what the workers report. */
  constructor(size: number, setup: Omit<NormalizeWorkerSetup, 'entryUrl'>, onAdapterProblem: (problem: AdapterProblem) => void) {
    this.#onAdapterProblem = onAdapterProblem;
    this.#workers = Array.from({ length: Math.max(1, size) }, () => this.#startWorker(setup));
  }

  get size(): number {
    return this.#workers.length;
  }

  /**
   * Normalizes one batch; the postings come back in claim order. Rejects with InternalError when a
   * worker dies. The postings and pages are copied to the workers before this returns, and the
   * promise keeps no reference to them, so the caller can let go of a batch's text while it waits.
   */
  normalize(claimed: readonly ClaimedPosting[], pages: ReadonlyMap<string, LatestRawPage>): Promise<NormalizedBatch> {
    if (this.#failure) {
      return Promise.reject(this.#failure);
    }
    if (this.#isClosed) {
      return Promise.reject(new InternalError('normalize pool used after close'));
    }

    // Equal chunks, so that the workers finish a batch at about the same time.
    const chunkCount = Math.max(this.#workers.length, Math.ceil(claimed.length / CHUNK_POSTINGS));
    const chunkSize = Math.ceil(claimed.length / chunkCount);
    const replies: Array<Promise<NormalizeReply>> = [];
    for (let index = 0; index * chunkSize < claimed.length; index++) {
      const postings = claimed.slice(index * chunkSize, (index + 1) * chunkSize);
      const chunkPages = postings.flatMap((posting) => pages.get(posting.id) ?? []);
      replies.push(this.#send(this.#workers[index % this.#workers.length]!, postings, chunkPages));
    }
    return this.#join(replies);
  }

  async #join(replies: ReadonlyArray<Promise<NormalizeReply>>): Promise<NormalizedBatch> {
    const batch: NormalizedBatch = { postings: [], warnings: [], errors: [] };
    for (const reply of await Promise.all(replies)) {
      batch.postings.push(...reply.batch.postings);
      batch.warnings.push(...reply.batch.warnings);
      batch.errors.push(...reply.batch.errors);
      reply.adapterProblems.forEach(this.#onAdapterProblem);
    }
    return batch;
  }

  /** Stops every worker; batches still in flight are rejected. Safe to call more than once. */
  async close(): Promise<void> {
    if (this.#isClosed) {
      return;
    }
    this.#isClosed = true;
    await Promise.all(this.#workers.map((worker) => worker.thread.terminate()));
  }

  #startWorker(setup: Omit<NormalizeWorkerSetup, 'entryUrl'>): PoolWorker {
    const worker: PoolWorker = { thread: startNormalizeWorker(setup), pending: new Map() };

    worker.thread.on('message', (reply: NormalizeReply) => {
      const task = worker.pending.get(reply.taskId);
      worker.pending.delete(reply.taskId);
      task?.resolve(reply);
    });
    worker.thread.on('error', (error) => this.#fail(worker, new InternalError(`normalize worker failed: ${error.message}`, { cause: error })));
    worker.thread.on('exit', (code) => {
      const reason = this.#isClosed ? 'normalize pool closed with a batch in flight' : `normalize worker exited with code ${code}`;
      this.#fail(worker, new InternalError(reason));
    });
    return worker;
  }

  #send(worker: PoolWorker, postings: ClaimedPosting[], pages: LatestRawPage[]): Promise<NormalizeReply> {
    const task: NormalizeTask = { taskId: this.#nextTaskId++, postings, pages };
    return new Promise((resolve, reject) => {
      worker.pending.set(task.taskId, { resolve, reject });
      worker.thread.postMessage(task);
    });
  }

  #fail(worker: PoolWorker, error: Error): void {
    if (!this.#isClosed) {
      this.#failure ??= error;
    }
    for (const task of worker.pending.values()) {
      task.reject(error);
    }
    worker.pending.clear();
  }
}

/**
 * Starts one worker thread. The compiled build runs normalize-worker.js; from TypeScript sources
 * (tsx, vitest) a small bootstrap registers tsx in the thread first and imports normalize-worker.ts.
 */
function startNormalizeWorker(setup: Omit<NormalizeWorkerSetup, 'entryUrl'>): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./normalize-worker.js', import.meta.url), { workerData: setup, resourceLimits: WORKER_LIMITS });
  }

  const entryUrl = new URL('./normalize-worker.ts', import.meta.url).href;
  const workerSetup: NormalizeWorkerSetup = { ...setup, entryUrl };
  return new Worker(new URL('./normalize-worker-tsx.mjs', import.meta.url), { workerData: workerSetup, resourceLimits: WORKER_LIMITS });
}
