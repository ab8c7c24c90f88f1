import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { LockHeldError, UsageError } from '../lib/errors.js';
import { createMemoryLogger } from '../lib/log.js';
import { acquireEmbeddedLock } from './embedded-lock.js';

function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-lock-'));
}

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('acquireEmbeddedLock', () => {
  it('rejects a data folder that is a file', () => {
    const filePath = path.join(tempDataDir(), 'not-a-folder');
    writeFileSync(filePath, 'x');

    let caught: unknown;
    try {
      acquireEmbeddedLock(filePath, createMemoryLogger(), 'status');
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toContain(filePath);
    expect((caught as Error).message).toContain('EEXIST');
  });

  // procfs rejects new entries with ENOENT, which made Node 20's recursive mkdir spin forever.
  it.skipIf(!existsSync('/proc/self'))('rejects a data folder under /proc at once', { timeout: 5_000 }, () => {
    expect(() => acquireEmbeddedLock('/proc/nonexistent/data', createMemoryLogger(), 'status')).toThrow(
      'embedded store folder /proc/nonexistent/data cannot be created (ENOENT)',
    );
  });

  it('writes the holder and removes the file on release', () => {
    const dataDir = tempDataDir();
    const lock = acquireEmbeddedLock(dataDir, createMemoryLogger(), 'status');

    const holder = JSON.parse(readFileSync(lock.path, 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: os.hostname(), command: 'status' });

    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('rejects a second holder naming the first', () => {
    const dataDir = tempDataDir();
    const holderLock = { pid: process.ppid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'migrate' };
    writeFileSync(path.join(dataDir, 'nextke.lock'), JSON.stringify(holderLock));

    let caught: unknown;
    try {
      acquireEmbeddedLock(dataDir, createMemoryLogger());
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(LockHeldError);
    const error = caught as LockHeldError;
    expect(error.exitCode).toBe(5);
    expect(error.message).toContain(`pid ${process.ppid}`);
    expect(error.message).toContain(os.hostname());
    expect(error.message).toContain('2026-01-01T00:00:00.000Z');
  });

  it('takes over a lock whose process is gone', () => {
    const dataDir = tempDataDir();
    const stale = { pid: deadPid(), host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'process' };
    writeFileSync(path.join(dataDir, 'nextke.lock'), JSON.stringify(stale));
    const log = createMemoryLogger();

    const lock = acquireEmbeddedLock(dataDir, log);

    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    expect(log.records.map((record) => record.event)).toContain('stale embedded-store lock taken over');
    lock.release();
  });

  it('takes over an empty lockfile', () => {
    const dataDir = tempDataDir();
    writeFileSync(path.join(dataDir, 'nextke.lock'), '');

    const lock = acquireEmbeddedLock(dataDir, createMemoryLogger());
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
