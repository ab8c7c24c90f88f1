import { afterAll, describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../lib/log.js';
import { startFixtureServer } from '../../test/helpers/fixture-server.js';
import { createHttpClient } from './http-client.js';

const RUN_MS = 30_000;
const JOB_RPM = 120;

describe('createHttpClient rate limit', () => {
  const serverStarting = startFixtureServer({ board: 'careerjet', postingCount: 400 });

  afterAll(async () => {
    await (await serverStarting).close();
  });

  it(
    'keeps any 60-second window within JOB_RPM',
    async () => {
      const server = await serverStarting;
      const controller = new AbortController();
      const http = createHttpClient({
        userAgent: 'nextke/0.1 (+https://example.test/contact)',
        jobRpm: JOB_RPM,
        maxConcurrency: 8,
        timeouts: { connectMs: 2_000, responseMs: 2_000, requestMs: 5_000 },
        maxBodyBytes: 2_000_000,
        maxRedirects: 5,
        logger: createMemoryLogger(),
        signal: controller.signal,
      });

      // Queue far more requests than the limit allows, then stop after the run time.
      const fetches = server.postings.map((posting) => http.fetchPage(`${server.baseUrl}/jobad/${posting.token}`).catch(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, RUN_MS));
      controller.abort();
      await Promise.all(fetches);

      const times = server.requests.map((request) => request.timeMs).sort((a, b) => a - b);
      const maxInAnyWindow = Math.max(...times.map((startMs) => times.filter((t) => t >= startMs && t < startMs + 60_000).length));
      const maxInAnySecond = Math.max(...times.map((startMs) => times.filter((t) => t >= startMs && t < startMs + 1_000).length));

      expect(maxInAnyWindow).toBeLessThanOrEqual(JOB_RPM);
      // Evenly spaced at 500 ms, so about 60 requests in 30 s and never a burst.
      expect(times.length).toBeGreaterThanOrEqual(55);
      expect(times.length).toBeLessThanOrEqual(62);
      expect(maxInAnySecond).toBeLessThanOrEqual(3);
    },
    RUN_MS + 20_000,
  );
});
