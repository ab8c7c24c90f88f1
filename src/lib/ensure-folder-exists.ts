/**
 * Creates a folder and its missing parents one level at a time, in place of
 * `mkdir(…, { recursive: true })`.
 *
 * Node 20's recursive mkdir never returns when a parent exists but rejects new entries with
 * ENOENT, as procfs does: `mkdirSync('/proc/nonexistent/x', { recursive: true })` spins at full
 * CPU (seen on Node 20.20). A plain mkdir of each level returns that ENOENT at once.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Ensures `folder` exists as a folder, creating missing levels from the top down. Makes at most
 * one mkdir call per missing level, so it always ends. Throws the failing call's errno error
 * (`code` and `path` set), as mkdir(2) reports it: EEXIST when `folder` is a file, ENOTDIR when
 * a parent is.
 */
export function ensureFolderExists(folder: string): void {
  const missingLevels: string[] = [];
  let current = path.resolve(folder);
  while (!existsSync(current)) {
    missingLevels.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }

  if (missingLevels.length === 0 && !statSync(current).isDirectory()) {
    throw fileExistsError(current);
  }
  for (const level of missingLevels) {
    try {
      mkdirSync(level);
    } catch (error) {
      // Another process may have created the level since the walk above.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(level).isDirectory()) {
        throw error;
      }
    }
  }
}

function fileExistsError(filePath: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EEXIST: file already exists, mkdir '${filePath}'`), { code: 'EEXIST', path: filePath, syscall: 'mkdir' });
}
