import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { collectCliResult, startCli } from '../helpers/run-cli.js';

describe('nextke scrape interrupted by SIGINT', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    // Slow responses and a low rate limit leave most details queued when the signal arrives.
    server = await startFixtureServer({ board: 'myjobmag', postingCount: 40, latencyMs: 200 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('reports unfetched details apart from failures', { timeout: 120_000 }, async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'nextke-scrape-int-'));
    const env = { NEXTKE_DATA_DIR: path.join(cwd, 'data'), JOB_RPM: '60', NEXTKE_SITE_BASE_URL_MYJOBMAG: server.baseUrl };
    const child = startCli(['scrape', '--site', 'myjobmag'], { cwd, env });
    const finished = collectCliResult(child, { timeoutMs: 100_000 });

    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('site pagination stopped') && !child.killed) {
        setTimeout(() => child.kill('SIGINT'), 1_000);
      }
    });
    const result = await finished;

    expect(result.exitCode).toBe(130);
    expect(result.stdout).toMatch(/details not fetched \(interrupted\)\s+\d+/);
    expect(result.stdout).not.toContain('Failures by reason');
  });
});
