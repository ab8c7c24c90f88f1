import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../lib/errors.js';
import { writeCsvReports } from './write-csv-reports.js';
import { writeReportFile } from './write-report-file.js';

function tempFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-report-file-'));
}

async function captureError(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the write to fail');
}

describe('writeReportFile', () => {
  it('creates missing folders', async () => {
    const filePath = path.join(tempFolder(), 'deep', 'er', 'report.html');

    await writeReportFile(filePath, '<p>ok</p>', '--html');

    expect(readFileSync(filePath, 'utf8')).toBe('<p>ok</p>');
  });

  it('rejects a folder that is a file', async () => {
    const blocker = path.join(tempFolder(), 'blocker');
    writeFileSync(blocker, 'x');

    const error = await captureError(() => writeReportFile(path.join(blocker, 'report.html'), 'x', '--html'));

    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(blocker);
    expect((error as UsageError).hint).toContain('--html');
  });

  // procfs rejects new entries with ENOENT, which made Node 20's recursive mkdir spin forever.
  it.skipIf(!existsSync('/proc/self'))('rejects a folder under /proc at once', { timeout: 5_000 }, async () => {
    const error = await captureError(() => writeReportFile('/proc/nonexistent/x.html', 'x', '--html'));

    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe('cannot create folder /proc/nonexistent for --html /proc/nonexistent/x.html (ENOENT)');
    expect((error as UsageError).hint).toContain('--html');
  });

  it('rejects a csv folder that is a file', async () => {
    const blocker = path.join(tempFolder(), 'csv-blocker');
    writeFileSync(blocker, 'x');
    const table = { report: 'overview' as const, name: 'sources', title: 't', head: ['source'], rows: [['a']] };

    const error = await captureError(() => writeCsvReports(blocker, [table]));

    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).hint).toContain('--csv');
  });
});
