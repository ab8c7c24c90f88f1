import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { UsageError } from '../../lib/errors.js';

/**
 * Writes one report file, creating its folder when missing. A path that cannot be written (its
 * folder is an existing file, no permission, read-only disk) is a usage error naming the path,
 * the errno code and the flag to change, not an internal error.
 */
export async function writeReportFile(filePath: string, text: string, flag: '--html' | '--csv'): Promise<void> {
  try {
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, text, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) {
      throw error;
    }
    throw new UsageError(`cannot write report file ${filePath} (${code})`, {
      context: { path: filePath, code },
      hint: `pass ${flag} a path in a folder nextke can create and write`,
    });
  }
}
