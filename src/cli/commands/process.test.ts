import { describe, expect, it } from 'vitest';

import { DEFAULT_LEASE_MS } from '../../pipeline/process/run-process.js';
import { createProcessCommand } from './process.js';

describe('createProcessCommand', () => {
  it('defaults --lease-seconds to the lease of runProcess', () => {
    const leaseOption = createProcessCommand().options.find((option) => option.long === '--lease-seconds');

    expect(leaseOption?.defaultValue).toBe(String(DEFAULT_LEASE_MS / 1000));
  });
});
