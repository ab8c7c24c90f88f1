import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { MIGRATIONS } from '../../migrations/index.js';
import { runCli } from '../helpers/run-cli.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';

function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-cli-'));
}

describe('nextke --help and --version', () => {
  it('lists commands and exit codes', async () => {
    const result = await runCli(['--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('status');
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stdout).toContain('130  interrupted');
  });

  it('prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on an unknown option', async () => {
    const result = await runCli(['status', '--no-such-flag']);

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-flag'");
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an invalid environment value', async () => {
    const result = await runCli(['status'], { env: { JOB_RPM: 'lots', NEXTKE_DATA_DIR: tempDataDir() } });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('invalid JOB_RPM: "lots"');
    expect(result.stderr).toContain('an integer from 1 to 6000');
  });
});

describe('nextke status on the embedded store', () => {
  it('prints the store and counts on stdout', async () => {
    const dataDir = tempDataDir();
    const result = await runCli(['status'], { env: { NEXTKE_DATA_DIR: dataDir } });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('embedded PostgreSQL (PGlite)');
    expect(result.stdout).toContain(dataDir);
    expect(result.stdout).toContain('0 pending');
    expect(result.stderr).not.toContain('Postings');
  });

  it('prints one JSON object with --json', async () => {
    const dataDir = tempDataDir();
    const result = await runCli(['status', '--json'], { env: { NEXTKE_DATA_DIR: dataDir } });

    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.store).toEqual({ kind: 'embedded', location: dataDir });
    expect(report.schema.pending).toEqual([]);
    expect(report.postings.total).toBe(0);
  });

  it('exits 5 naming the holder when the store is in use', async () => {
    const dataDir = tempDataDir();
    // This test process plays the holder: it is alive for the whole run, so the result is certain.
    const holder = { pid: process.pid, host: os.hostname(), startedAt: '2026-12-04T02:00:00.000Z', command: 'workflow' };
    writeFileSync(path.join(dataDir, 'nextke.lock'), JSON.stringify(holder));

    const result = await runCli(['status'], { env: { NEXTKE_DATA_DIR: dataDir } });

    expect(result.exitCode).toBe(5);
    expect(result.stderr).toContain(`in use by pid ${process.pid} on ${os.hostname()} since 2026-12-04T02:00:00.000Z (workflow)`);
    expect(result.stdout).toBe('');
  });
});

describe('nextke status with an unreachable server', () => {
  it('exits 4 naming host and port', async () => {
    const result = await runCli(['status'], { env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nextke' } });

    expect(result.exitCode).toBe(4);
    expect(result.stderr).toContain('database at 127.0.0.1:1 is unreachable');
    expect(result.stderr).toContain('pg_isready -h 127.0.0.1 -p 1');
  });

  it('never prints the password', async () => {
    const secret = 'Sup3r-Secret-Pw';
    const runs = [
      await runCli(['status', '--verbose'], { env: { DATABASE_URL: `postgres://app:${secret}@127.0.0.1:1/nextke` } }),
      await runCli(['status', '--json', '--verbose'], { env: { DATABASE_URL: `postgres://app:${secret}@127.0.0.1:1/nextke` } }),
      await runCli(['status'], { env: { POSTGRES_HOST: '127.0.0.1', POSTGRES_PORT: '1', POSTGRES_PASSWORD: secret } }),
      await runCli(['status'], { env: { DATABASE_URL: `mysql://app:${secret}@127.0.0.1:1/nextke` } }),
    ];

    for (const result of runs) {
      expect(result.exitCode).not.toBe(0);
      expect(result.stdout + result.stderr).not.toContain(secret);
    }
  });
});

describe.runIf(TEST_DATABASE_URL)('nextke status on PostgreSQL', () => {
  it('applies the schema and reports the server', async () => {
    const databaseUrl = await createThrowawayDatabase();
    try {
      const result = await runCli(['status', '--json'], { env: { DATABASE_URL: databaseUrl } });

      expect(result.exitCode).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.store.kind).toBe('postgres');
      expect(report.schema.applied).toHaveLength(Object.keys(MIGRATIONS).length);
      expect(report.schema.appliedNow).toHaveLength(Object.keys(MIGRATIONS).length);
    } finally {
      await dropDatabase(databaseUrl);
    }
  });

  it('creates a missing database', async () => {
    const databaseUrl = await createThrowawayDatabase();
    await dropDatabase(databaseUrl);
    try {
      const result = await runCli(['status', '--json'], { env: { DATABASE_URL: databaseUrl } });
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toContain('database created');
    } finally {
      await dropDatabase(databaseUrl);
    }
  });
});
