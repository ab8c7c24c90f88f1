import os from 'node:os';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../lib/errors.js';
import { resolveWorkerCount } from './resolve-worker-count.js';

describe('resolveWorkerCount', () => {
  it('uses the requested count over the environment', () => {
    expect(resolveWorkerCount(3, { NEXTKE_PROCESS_WORKERS: '5' })).toBe(3);
  });

  it('reads NEXTKE_PROCESS_WORKERS', () => {
    expect(resolveWorkerCount(undefined, { NEXTKE_PROCESS_WORKERS: ' 0 ' })).toBe(0);
  });

  it('defaults to the number of CPUs', () => {
    expect(resolveWorkerCount(undefined, {})).toBe(os.availableParallelism());
    expect(resolveWorkerCount(undefined, { NEXTKE_PROCESS_WORKERS: '' })).toBe(os.availableParallelism());
  });

  it.each(['-1', '2.5', 'two', '65'])('rejects %s', (value) => {
    expect(() => resolveWorkerCount(undefined, { NEXTKE_PROCESS_WORKERS: value })).toThrow(UsageError);
  });
});
