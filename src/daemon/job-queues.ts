/**
 * The pg-boss queues that `nextke daemon --worker` processes share. Each queue is created once
 * per database with its retry policy, and creating it again changes nothing. Jobs that exhaust
 * their retries move to the dead-letter queue, where an operator can inspect them.
 */
import pg from 'pg';
import type PgBoss from 'pg-boss';

import { waitForAdvisoryLock, type AdvisoryLockKey } from '../db/queries/advisory-lock.js';

export const JOB_QUEUES = {
  /** The scheduled daily workflow: pg-boss enqueues it once per cron tick for the whole cluster. */
  workflow: 'nextke-workflow',
  check: 'nextke-check',
  insights: 'nextke-insights',
  /** Scrape one site; fanned out by the workflow's scrape stage. */
  scrapeSite: 'nextke-scrape-site',
  /** Process one batch of postings; fanned out by the workflow's process stage. */
  processBatch: 'nextke-process-batch',
  deadLetter: 'nextke-dead-letter',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

// Scheduled jobs are not retried: a missed day is better made up by the next tick or by
// `nextke workflow --resume` than by a retry that may overlap it. Fan-out work is retried with
// backoff, since a site's scrape and a batch are idempotent.
const RETRY_POLICIES: Record<JobQueueName, Omit<PgBoss.Queue, 'name'>> = {
  'nextke-workflow': { retryLimit: 0, expireInSeconds: 12 * 3600 },
  'nextke-check': { retryLimit: 0, expireInSeconds: 3600 },
  'nextke-insights': { retryLimit: 0, expireInSeconds: 3600 },
  'nextke-scrape-site': { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 4 * 3600, deadLetter: JOB_QUEUES.deadLetter },
  'nextke-process-batch': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 3600, deadLetter: JOB_QUEUES.deadLetter },
  'nextke-dead-letter': {},
};

/** 'nk' in ASCII, then 2 for queue creation: see AdvisoryLockKey. */
const QUEUE_SETUP_LOCK_KEY: AdvisoryLockKey = { classId: 0x6e6b, objectId: 2 };

/**
 * Creates every queue that does not exist yet, the dead-letter queue first because the others
 * name it. Workers starting together take turns under an advisory lock: pg-boss 10 creates a
 * partition table per queue, and concurrent creations of the same queue deadlock in PostgreSQL.
 */
export async function ensureJobQueues(boss: PgBoss, connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: `nextke worker pid ${process.pid} queue setup` });
  await client.connect();
  try {
    await waitForAdvisoryLock(client, QUEUE_SETUP_LOCK_KEY);
    await boss.createQueue(JOB_QUEUES.deadLetter, { name: JOB_QUEUES.deadLetter });
    for (const [name, policy] of Object.entries(RETRY_POLICIES)) {
      if (name !== JOB_QUEUES.deadLetter) {
        await boss.createQueue(name, { name, ...policy });
      }
    }
  } finally {
    // Ending the session also releases the lock.
    await client.end().catch(() => undefined);
  }
}
