/**
 * The rejects file: one JSON line per rejected legacy row (legacy id, URL as the legacy row has it,
 * reason, detail, and the canonical URL for duplicates), appended, and created only when the
 * first reject arrives.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';

import { ensureFolderExists } from '../../lib/ensure-folder-exists.js';
import { errnoUsageError } from '../../lib/errno-usage-error.js';
import type { RejectedRow } from './map-legacy-row.js';

export interface RejectsFile {
  /** Absolute path; the file exists only once a reject was written. */
  filePath: string;
  /** Appends the rejects synchronously, so they are on disk before the batch's checkpoint commits. */
  append(rejects: readonly RejectedRow[]): void;
  close(): void;
}

/** Opens the rejects file lazily, in append mode, so that a resumed run adds to what earlier runs wrote. */
export function openRejectsFile(filePath: string): RejectsFile {
  const absolutePath = path.resolve(filePath);
  let descriptor: number | null = null;

  return {
    filePath: absolutePath,
    append(rejects) {
      if (rejects.length === 0) {
        return;
      }
      if (descriptor === null) {
        descriptor = openForAppend(absolutePath);
      }
      const lines = rejects.map((reject) => JSON.stringify(reject) + '\n').join('');
      try {
        writeSync(descriptor, lines);
      } catch (error) {
        // A full disk or a device that refuses writes (ENOSPC, EIO) is the environment, not a bug.
        throw rejectsFileError(absolutePath, error);
      }
    },
    close() {
      if (descriptor !== null) {
        closeSync(descriptor);
        descriptor = null;
      }
    },
  };
}

/** Opens the file for appending, creating its folder. A path nextke cannot create or open is a usage error naming it. */
function openForAppend(filePath: string): number {
  try {
    ensureFolderExists(path.dirname(filePath));
    return openSync(filePath, 'a');
  } catch (error) {
    throw rejectsFileError(filePath, error);
  }
}

function rejectsFileError(filePath: string, error: unknown): unknown {
  return errnoUsageError(
    error,
    `cannot write rejects file ${filePath}`,
    filePath,
    'pass --rejects a path in a folder nextke can create and write. Batches committed so far stay, and a rerun resumes after them.',
  );
}
