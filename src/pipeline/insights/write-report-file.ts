import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ensureFolderExists } from '../../lib/ensure-folder-exists.js';
import { errnoUsageError } from '../../lib/errno-usage-error.js';

export type ReportFileFlag = '--html' | '--csv';

/**
 * Creates the folder that report files go into. `flagValue` is the path given to `flag` when that
 * is not the folder itself. A folder that cannot be created (a parent is a file or rejects new
 * folders, no permission, read-only disk) is a usage error naming the folder, the errno code and
 * the flag to change, not an internal error. It fails at once, so the insights stage calls it
 * before its slow steps.
 */
export function ensureReportFolder(folder: string, flag: ReportFileFlag, flagValue = folder): void {
  try {
    ensureFolderExists(folder);
  } catch (error) {
    const flagValueText = flagValue === folder ? '' : ` ${flagValue}`;
    throw errnoUsageError(error, `cannot create folder ${folder} for ${flag}${flagValueText}`, folder, folderHint(flag));
  }
}

/**
 * Writes one report file, creating its folder when missing. A path that cannot be written is a
 * usage error naming the path, the errno code and the flag to change, not an internal error.
 */
export async function writeReportFile(filePath: string, text: string, flag: ReportFileFlag): Promise<void> {
  ensureReportFolder(path.dirname(filePath), flag, filePath);
  try {
    await writeFile(filePath, text, 'utf8');
  } catch (error) {
    throw errnoUsageError(error, `cannot write report file ${filePath}`, filePath, folderHint(flag));
  }
}

function folderHint(flag: ReportFileFlag): string {
  return `pass ${flag} a path in a folder nextke can create and write`;
}
