import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** Creates the id a process run claims postings under: `host:pid:random`, unique across machines and restarts. */
export function createWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
