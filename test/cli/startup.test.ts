import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { createCommands } from '../../src/cli/commands/index.js';
import { REPO_ROOT, runCli, type RunCliOptions } from '../helpers/run-cli.js';
import { TEST_DATABASE_URL, createThrowawayDatabase, dropDatabase } from '../helpers/test-store.js';

const IMPORT_RECORDER = path.join(REPO_ROOT, 'test/helpers/import-recorder/register.mjs');

// Packages that only command actions use. Each took 10 to 320 ms to import on the 2-core
// development machine (Node 20), so `--help` should load none of them.
const PIPELINE_PACKAGES = [
  'kysely',
  'pg',
  '@electric-sql/pglite',
  'kysely-pglite-dialect',
  'pg-boss',
  'pg-copy-streams',
  'better-sqlite3',
  'got',
  'cheerio',
  'vega',
  'vega-lite',
  'ora',
  'node-cron',
  'yaml',
];

/** Runs the CLI with the import recorder and returns the npm packages it imported. */
async function runRecordingImports(args: readonly string[], options: RunCliOptions = {}): Promise<{ exitCode: number | null; packages: Set<string> }> {
  const result = await runCli(args, { ...options, env: { ...options.env, NODE_OPTIONS: `--import=${IMPORT_RECORDER}` } });
  const packages = new Set<string>();
  for (const match of result.stderr.matchAll(/^import: file:\/\/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)) {
    packages.add(match[1]!);
  }
  return { exitCode: result.exitCode, packages };
}

describe('nextke start-up', () => {
  it('loads no pipeline package for --help', async () => {
    const { exitCode, packages } = await runRecordingImports(['--help']);

    expect(exitCode).toBe(0);
    expect(packages).toContain('commander');
    expect(PIPELINE_PACKAGES.filter((name) => packages.has(name))).toEqual([]);
  });

  it('loads no pipeline package for any command --help', async () => {
    for (const command of createCommands()) {
      const { exitCode, packages } = await runRecordingImports([command.name(), '--help']);

      expect(exitCode, command.name()).toBe(0);
      expect(PIPELINE_PACKAGES.filter((name) => packages.has(name)), command.name()).toEqual([]);
    }
  });

  it('loads PGlite but not pg for status on the embedded store', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-cli-'));
    try {
      const { exitCode, packages } = await runRecordingImports(['status'], { env: { NEXTKE_DATA_DIR: dataDir } });

      expect(exitCode).toBe(0);
      expect(packages).toContain('@electric-sql/pglite');
      expect(packages).not.toContain('pg');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it.runIf(TEST_DATABASE_URL)('loads pg but not PGlite for status on PostgreSQL', async () => {
    const databaseUrl = await createThrowawayDatabase();
    try {
      const { exitCode, packages } = await runRecordingImports(['status'], { env: { DATABASE_URL: databaseUrl } });

      expect(exitCode).toBe(0);
      expect(packages).toContain('pg');
      expect(packages).not.toContain('@electric-sql/pglite');
    } finally {
      await dropDatabase(databaseUrl);
    }
  });
});
