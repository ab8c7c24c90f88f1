/**
 * The lockfile of the embedded store. PGlite allows one process per data folder (a second one
 * corrupts it) and its advisory locks do not block, so a file created with O_EXCL decides who
 * owns the folder. A lockfile whose process is gone is taken over with a warning.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureFolderExists } from '../lib/ensure-folder-exists.js';
import { LockHeldError, UsageError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface EmbeddedLock {
  path: string;
  release(): void;
}

const LOCK_FILE_NAME = 'nextke.lock';

/** Takes the data folder's lockfile or throws LockHeldError naming the holder. */
export function acquireEmbeddedLock(dataDir: string, log: Logger, command = process.argv.slice(2).join(' ')): EmbeddedLock {
  createDataDir(dataDir);
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };

  // Two attempts: the second follows the removal of a stale lockfile.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreateLockFile(lockPath, holder)) {
      return { path: lockPath, release: () => releaseLockFile(lockPath) };
    }

    const existing = readHolder(lockPath);
    if (existing && isHolderAlive(existing)) {
      throw lockHeldError(dataDir, existing);
    }

    log.warn('stale embedded-store lock taken over', { lockPath, holder: existing ?? 'unreadable' });
    rmSync(lockPath, { force: true });
  }

  const existing = readHolder(lockPath);
  throw lockHeldError(dataDir, existing ?? { pid: -1, host: 'unknown', startedAt: 'unknown', command: 'unknown' });
}

function createDataDir(dataDir: string): void {
  try {
    ensureFolderExists(dataDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`embedded store folder ${dataDir} cannot be created (${code})`, {
      context: { dataDir, code },
      hint: 'set NEXTKE_DATA_DIR or --data-dir to a folder path nextke can create and write, not an existing file',
    });
  }
}

function tryCreateLockFile(lockPath: string, holder: LockHolder): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw error;
  }

  try {
    writeSync(descriptor, JSON.stringify(holder));
  } finally {
    closeSync(descriptor);
  }
  return true;
}

function releaseLockFile(lockPath: string): void {
  const holder = readHolder(lockPath);
  if (holder && holder.pid === process.pid && holder.host === os.hostname()) {
    rmSync(lockPath, { force: true });
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockHolder;
  } catch {
    // A holder that crashed between creating and writing the file leaves it empty.
    return null;
  }
}

/** A holder on another host cannot be checked, so it counts as alive. */
function isHolderAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) {
    return true;
  }

  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockHeldError(dataDir: string, holder: LockHolder): LockHeldError {
  return new LockHeldError(
    `embedded store ${dataDir} is in use by pid ${holder.pid} on ${holder.host} since ${holder.startedAt} (${holder.command || 'nextke'})`,
    {
      context: { ...holder },
      hint: 'wait for that command to finish, or set DATABASE_URL to share a PostgreSQL server between processes',
    },
  );
}
