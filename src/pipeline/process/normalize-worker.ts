/**
 * Entry point of a normalize worker thread, started by NormalizePool. It receives the run's
 * learned hints and sites file once, then normalizes each chunk of postings it is sent and posts
 * the result back. It never touches the database.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { createAdapterLookup, type AdapterProblem } from './adapter-lookup.js';
import { normalizeBatch } from './normalize-batch.js';
import type { NormalizeReply, NormalizeTask, NormalizeWorkerSetup } from './normalize-messages.js';

const port = parentPort;
if (port === null) {
  throw new Error('normalize-worker runs only as a worker thread: start it through NormalizePool');
}

const setup = workerData as NormalizeWorkerSetup;
const problems: AdapterProblem[] = [];
const findAdapter = createAdapterLookup(setup.sitesFile, (problem) => problems.push(problem));

port.on('message', (task: NormalizeTask) => {
  const pages = new Map(task.pages.map((page) => [page.jobPostId, page]));
  const batch = normalizeBatch(task.postings, pages, setup.hints, findAdapter);
  const reply: NormalizeReply = { taskId: task.taskId, batch, adapterProblems: problems.splice(0) };
  port.postMessage(reply);
});
