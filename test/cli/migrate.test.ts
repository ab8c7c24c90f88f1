import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { REAL_SAMPLE_FILE, createLegacyFile } from '../integration/migrate-fixtures.js';

let workDir = '';

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-cli-migrate-'));
});

function embeddedEnv(): Record<string, string> {
  return { NEXTKE_DATA_DIR: mkdtempSync(path.join(workDir, 'store-')) };
}

describe('nextke migrate on a bad source', () => {
  it('exits 2 naming a missing file', async () => {
    const missing = path.join(workDir, 'nope.sqlite3');
    const result = await runCli(['migrate', '--from', missing], { env: embeddedEnv() });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`legacy SQLite file not found: ${missing}`);
    expect(result.stderr).toContain('jobs_data(id, full_link, title, content)');
  });

  it('exits 2 naming the tables found when the table is missing', async () => {
    const file = path.join(workDir, 'other-table.sqlite');
    const sqlite = new Database(file);
    sqlite.exec('create table postings (id integer primary key, url text)');
    sqlite.close();

    const result = await runCli(['migrate', '--from', file], { env: embeddedEnv() });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`table jobs_data not found in ${file}; tables found: postings`);
  });

  it('exits 2 naming the missing column', async () => {
    const file = path.join(workDir, 'no-content.sqlite');
    const sqlite = new Database(file);
    sqlite.exec('create table jobs_data (id integer primary key, full_link text, title text)');
    sqlite.close();

    const result = await runCli(['migrate', '--from', file], { env: embeddedEnv() });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('lacks column content: expected id, full_link, title, content; found id, full_link, title');
  });

  it('exits 2 on a table name that is not an identifier', async () => {
    const result = await runCli(['migrate', '--from', REAL_SAMPLE_FILE, '--table', 'jobs_data; drop table x'], { env: embeddedEnv() });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('invalid legacy table name "jobs_data; drop table x"');
  });
});

describe('nextke migrate on the embedded store', () => {
  it('migrates the sample, prints JSON on stdout, then status shows sources', async () => {
    const env = embeddedEnv();
    const migrated = await runCli(['--json', 'migrate', '--from', REAL_SAMPLE_FILE, '--rejects', path.join(workDir, 'sample.jsonl')], { env });

    expect(migrated.exitCode).toBe(0);
    const report = JSON.parse(migrated.stdout);
    expect(report.counts).toMatchObject({ read: 600, inserted: 599, rejected: 1 });
    expect(report.details.rejectsFile).toBe(path.join(workDir, 'sample.jsonl'));
    expect(migrated.stderr).toContain('migration finished');

    const status = await runCli(['status', '--json'], { env });
    const bySource = JSON.parse(status.stdout).postings.bySource as Array<{ source: string; total: number }>;
    expect(bySource.find((row) => row.source === 'jobwebkenya')?.total).toBe(335);
    expect(bySource.find((row) => row.source === 'brightermonday')?.total).toBe(110);
  });

  it('exits 3 when rejects exceed --max-reject-ratio', async () => {
    const file = createLegacyFile(path.join(workDir, 'half-bad.sqlite'), [
      { id: 1, fullLink: 'https://www.myjobmag.co.ke/job/1' },
      { id: 2, fullLink: 'mailto:hr@example.com' },
    ]);
    const result = await runCli(['migrate', '--from', file, '--max-reject-ratio', '0.25', '--rejects', path.join(workDir, 'half.jsonl')], { env: embeddedEnv() });

    expect(result.exitCode).toBe(3);
    expect(result.stdout).toContain('invalid_url');
    expect(result.stdout).toMatch(/rejected\s+1/);
  });

  it('documents the reject threshold in --help', async () => {
    const result = await runCli(['migrate', '--help']);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--max-reject-ratio <ratio>');
    expect(result.stdout).toContain('exits 3 when rejected rows exceed');
  });
});
