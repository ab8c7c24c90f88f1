import { describe, expect, it } from 'vitest';

import { HostRateLimiter, type HostRateLimiterOptions } from './host-rate-limiter.js';

/** Creates a limiter on a virtual clock. Sleeping moves the clock forward, so tests run instantly. */
function createVirtualLimiter(options: Pick<HostRateLimiterOptions, 'requestsPerMinute' | 'concurrency'>) {
  const clock = { nowMs: 0 };
  const limiter = new HostRateLimiter({
    ...options,
    now: () => clock.nowMs,
    sleep: async (ms) => {
      clock.nowMs += ms;
    },
  });
  const startTimesMs: number[] = [];
  const run = () =>
    limiter.schedule(async () => {
      startTimesMs.push(clock.nowMs);
    });
  return { clock, limiter, startTimesMs, run };
}

describe('HostRateLimiter', () => {
  it('spaces starts evenly over the minute', async () => {
    const { startTimesMs, run } = createVirtualLimiter({ requestsPerMinute: 3, concurrency: 1 });

    for (let i = 0; i < 4; i += 1) {
      await run();
    }

    expect(startTimesMs).toEqual([0, 20_000, 40_000, 60_000]);
  });

  it('keeps any 60-second window within the limit', async () => {
    const { startTimesMs, run } = createVirtualLimiter({ requestsPerMinute: 120, concurrency: 1 });

    for (let i = 0; i < 400; i += 1) {
      await run();
    }

    const maxInWindow = Math.max(...startTimesMs.map((startMs) => startTimesMs.filter((t) => t >= startMs && t < startMs + 60_000).length));
    expect(maxInWindow).toBeLessThanOrEqual(120);
    expect(startTimesMs.at(-1)).toBe(399 * 500);
  });

  it('uses the crawl delay when longer than the spacing', async () => {
    const { limiter, startTimesMs, run } = createVirtualLimiter({ requestsPerMinute: 600, concurrency: 1 });
    limiter.setMinIntervalMs(2_000);

    await run();
    await run();
    await run();

    expect(startTimesMs).toEqual([0, 2_000, 4_000]);
  });

  it('holds requests while paused', async () => {
    const { clock, limiter, startTimesMs, run } = createVirtualLimiter({ requestsPerMinute: 0, concurrency: 1 });

    await run();
    limiter.pauseUntil(clock.nowMs + 5_000);
    await run();

    expect(startTimesMs).toEqual([0, 5_000]);
  });

  it('does not limit when requestsPerMinute is 0', async () => {
    const { startTimesMs, run } = createVirtualLimiter({ requestsPerMinute: 0, concurrency: 4 });

    await Promise.all(Array.from({ length: 10 }, run));

    expect(new Set(startTimesMs)).toEqual(new Set([0]));
  });

  it('caps requests in flight at the concurrency', async () => {
    const limiter = new HostRateLimiter({ requestsPerMinute: 0, concurrency: 2 });
    let inFlight = 0;
    let maxInFlight = 0;

    await Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.schedule(async () => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlight -= 1;
        }),
      ),
    );

    expect(maxInFlight).toBe(2);
  });

  it('rejects a concurrency below one', () => {
    expect(() => new HostRateLimiter({ requestsPerMinute: 60, concurrency: 0 })).toThrow('concurrency must be at least 1, received 0');
  });
});
