/**
 * Turns a failed file-system call on a path the user chose into a usage error, because a path
 * nextke cannot create or write is the user's to change, not a bug.
 */
import { UsageError } from './errors.js';

/**
 * Returns a UsageError with `message` and the errno code, for an error that has one (ENOENT,
 * EACCES, ENOSPC...). Returns any other error unchanged, for the caller to throw.
 */
export function errnoUsageError(error: unknown, message: string, filePath: string, hint: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) {
    return error;
  }
  return new UsageError(`${message} (${code})`, { context: { path: filePath, code }, hint });
}
