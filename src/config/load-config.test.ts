import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { redactSecrets, UsageError } from '../lib/errors.js';
import { loadConfig } from './load-config.js';

function tempFolder(dotEnv?: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'nextke-config-'));
  if (dotEnv !== undefined) {
    writeFileSync(path.join(folder, '.env'), dotEnv);
  }
  return folder;
}

function captureUsageError(action: () => unknown): UsageError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('expected a UsageError');
}

describe('loadConfig', () => {
  it('uses the embedded store when no server is configured', () => {
    const cwd = tempFolder();
    const config = loadConfig({ env: {}, cwd });

    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.join(cwd, '.nextke') });
    expect(config.scrape.jobRpm).toBe(60);
    expect(config.workflow).toEqual({ qualityThreshold: 0.8, learningThreshold: 100, batchSize: 100 });
    expect(config.legacy.table).toBe('jobs_data');
    expect(config.legacy.sqlitePath).toBe(path.join(cwd, 'db/jobs.sqlite3'));
  });

  it('ranks flags over environment over .env over defaults', () => {
    const cwd = tempFolder('JOB_RPM=30\nNEXTKE_DATA_DIR=from-dotenv\nWORKFLOW_BATCH_SIZE=7\n');

    const fromDotEnv = loadConfig({ env: {}, cwd });
    expect(fromDotEnv.scrape.jobRpm).toBe(30);
    expect(fromDotEnv.workflow.batchSize).toBe(7);
    expect(fromDotEnv.database).toEqual({ kind: 'embedded', dataDir: path.join(cwd, 'from-dotenv') });

    const fromEnv = loadConfig({ env: { JOB_RPM: '45', NEXTKE_DATA_DIR: 'from-env' }, cwd });
    expect(fromEnv.scrape.jobRpm).toBe(45);
    expect(fromEnv.database).toEqual({ kind: 'embedded', dataDir: path.join(cwd, 'from-env') });

    const fromFlag = loadConfig({ env: { NEXTKE_DATA_DIR: 'from-env' }, flags: { dataDir: 'from-flag' }, cwd });
    expect(fromFlag.database).toEqual({ kind: 'embedded', dataDir: path.join(cwd, 'from-flag') });
  });

  it('reads DATABASE_URL and masks its password', () => {
    const config = loadConfig({ env: { DATABASE_URL: 'postgres://app:pa%24%24word@db.internal:6543/jobs' }, cwd: tempFolder() });

    expect(config.database).toMatchObject({ kind: 'postgres', host: 'db.internal', port: 6543, database: 'jobs', user: 'app' });
    expect(config.database.kind === 'postgres' && config.database.displayUrl).toBe('postgres://app:***@db.internal:6543/jobs');
    expect(config.secrets).toContain('pa$$word');
  });

  it('builds the URL from POSTGRES_ variables', () => {
    const env = { POSTGRES_HOST: 'pg.local', POSTGRES_PORT: '5433', POSTGRES_USER: 'u', POSTGRES_PASSWORD: 'hunter2', POSTGRES_DB: 'jobs' };
    const config = loadConfig({ env, cwd: tempFolder() });

    expect(config.database).toMatchObject({ kind: 'postgres', host: 'pg.local', port: 5433, user: 'u', database: 'jobs' });
    expect(config.database.kind === 'postgres' && config.database.displayUrl).toBe('postgres://u:***@pg.local:5433/jobs');
    expect(config.secrets).toContain('hunter2');
  });

  it('rejects an invalid number naming variable and form', () => {
    const error = captureUsageError(() => loadConfig({ env: { JOB_RPM: 'fast' }, cwd: tempFolder() }));

    expect(error.message).toBe('invalid JOB_RPM: "fast"');
    expect(error.hint).toBe('JOB_RPM must be an integer from 1 to 6000');
    expect(error.exitCode).toBe(2);
  });

  it('rejects a quality threshold above 1', () => {
    const error = captureUsageError(() => loadConfig({ env: { WORKFLOW_QUALITY_THRESHOLD: '80' }, cwd: tempFolder() }));
    expect(error.message).toBe('invalid WORKFLOW_QUALITY_THRESHOLD: "80"');
    expect(error.hint).toContain('a number from 0 to 1');
  });

  it('rejects a non-postgres DATABASE_URL without showing its password', () => {
    const error = captureUsageError(() => loadConfig({ env: { DATABASE_URL: 'mysql://root:topsecret@h/db' }, cwd: tempFolder() }));

    expect(error.message).toBe('invalid DATABASE_URL: "mysql://root:***@h/db"');
    expect(error.message).not.toContain('topsecret');
    expect(error.hint).toContain('postgres://USER:PASSWORD@HOST:PORT/DATABASE');
  });

  it('keeps the DATABASE_URL form readable after masking', () => {
    const error = captureUsageError(() => loadConfig({ env: { DATABASE_URL: 'garbage' }, cwd: tempFolder() }));
    const hint = error.hint ?? '';

    expect(redactSecrets(hint, [])).toBe(hint.replace('PASSWORD', '***'));
  });

  it('rejects a legacy table name that is not an identifier', () => {
    const error = captureUsageError(() => loadConfig({ env: { LEGACY_SQLITE_TABLE: 'jobs; drop table x' }, cwd: tempFolder() }));
    expect(error.message).toBe('invalid LEGACY_SQLITE_TABLE: "jobs; drop table x"');
  });

  it('names the .env file of a bad number', () => {
    const cwd = tempFolder('JOB_RPM=fast\n');
    const error = captureUsageError(() => loadConfig({ env: {}, cwd }));

    expect(error.message).toBe(`invalid JOB_RPM in .env file ${path.join(cwd, '.env')}: "fast"`);
    expect(error.hint).toBe('JOB_RPM must be an integer from 1 to 6000');
    expect(error.context).toEqual({ variable: 'JOB_RPM', file: path.join(cwd, '.env') });
  });

  it('names the .env file of a bad DATABASE_URL', () => {
    const cwd = tempFolder('DATABASE_URL=mysql://root:topsecret@h/db\n');
    const error = captureUsageError(() => loadConfig({ env: {}, cwd }));

    expect(error.message).toBe(`invalid DATABASE_URL in .env file ${path.join(cwd, '.env')}: "mysql://root:***@h/db"`);
    expect(error.message).not.toContain('topsecret');
  });

  it('names the .env file of bad NEXTKE_PROCESS_WORKERS', () => {
    const cwd = tempFolder('NEXTKE_PROCESS_WORKERS=abc\n');
    const error = captureUsageError(() => loadConfig({ env: {}, cwd }));

    expect(error.message).toBe(`invalid NEXTKE_PROCESS_WORKERS in .env file ${path.join(cwd, '.env')}: "abc"`);
    expect(error.hint).toBe('NEXTKE_PROCESS_WORKERS must be an integer from 0 to 64');
  });

  it('rejects NEXTKE_PROCESS_WORKERS above 64', () => {
    const error = captureUsageError(() => loadConfig({ env: { NEXTKE_PROCESS_WORKERS: '65' }, cwd: tempFolder() }));
    expect(error.message).toBe('invalid NEXTKE_PROCESS_WORKERS: "65"');
  });

  it('names no .env file when the environment overrides it', () => {
    const cwd = tempFolder('JOB_RPM=30\n');
    const error = captureUsageError(() => loadConfig({ env: { JOB_RPM: 'fast' }, cwd }));

    expect(error.message).toBe('invalid JOB_RPM: "fast"');
    expect(error.context).toEqual({ variable: 'JOB_RPM' });
  });

  it('rejects a port out of range', () => {
    const error = captureUsageError(() => loadConfig({ env: { POSTGRES_HOST: 'h', POSTGRES_PORT: '70000' }, cwd: tempFolder() }));
    expect(error.message).toBe('invalid POSTGRES_PORT: "70000"');
  });
});
