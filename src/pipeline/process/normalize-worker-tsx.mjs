// Starts normalize-worker.ts in a worker thread when nextke runs from its TypeScript sources
// (tsx, vitest): a worker thread does not inherit the parent's loader, so it registers tsx itself.
// The compiled build starts dist/.../normalize-worker.js directly and never loads this file.
import { workerData } from 'node:worker_threads';

import { register } from 'tsx/esm/api';

register();
await import(workerData.entryUrl);
