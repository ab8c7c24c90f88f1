import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { UsageError } from '../../lib/errors.js';
import type { RejectedRow } from './map-legacy-row.js';
import { openRejectsFile } from './rejects-file.js';

const REJECT: RejectedRow = { legacyId: 2, url: null, reason: 'missing_url', detail: 'full_link is null or empty' };

describe('openRejectsFile', () => {
  it('creates the file and its folders on the first reject', () => {
    const filePath = path.join(mkdtempSync(path.join(os.tmpdir(), 'nextke-rejects-')), 'a', 'b', 'rejects.jsonl');
    const rejects = openRejectsFile(filePath);

    rejects.append([]);
    expect(existsSync(filePath)).toBe(false);
    rejects.append([REJECT]);
    rejects.close();

    expect(readFileSync(filePath, 'utf8')).toBe(`${JSON.stringify(REJECT)}\n`);
  });

  // procfs rejects new entries with ENOENT, which made Node 20's recursive mkdir spin forever.
  it.skipIf(!existsSync('/proc/self'))('rejects a folder under /proc at once', { timeout: 5_000 }, () => {
    const rejects = openRejectsFile('/proc/nonexistent/rejects.jsonl');

    expect(() => rejects.append([REJECT])).toThrow(UsageError);
    expect(() => rejects.append([REJECT])).toThrow('cannot write rejects file /proc/nonexistent/rejects.jsonl (ENOENT)');
  });

  // /dev/full opens for writing, and every write to it fails with ENOSPC, like a full disk.
  it.skipIf(!existsSync('/dev/full'))('reports a failed write as a usage error', () => {
    const rejects = openRejectsFile('/dev/full');

    expect(() => rejects.append([REJECT])).toThrow(UsageError);
    expect(() => rejects.append([REJECT])).toThrow('cannot write rejects file /dev/full (ENOSPC)');
    rejects.close();
  });
});
