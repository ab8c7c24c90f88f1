/** Reads the `.env` file of the working folder and merges it under the process environment. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

import { recordDotEnvNames } from '../lib/env-source.js';
import { UsageError } from '../lib/errors.js';

/**
 * Merges `.env` in `cwd`, if any, under `env`, so a variable set in `env` wins even when empty.
 * The names the file supplied are recorded for `describeEnvSource`. Throws UsageError when the
 * file is not NAME=value lines.
 */
export function mergeDotEnv(env: NodeJS.ProcessEnv, cwd: string): Record<string, string | undefined> {
  const filePath = path.join(cwd, '.env');
  const fromFile = readDotEnv(filePath);
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };

  recordDotEnvNames(
    merged,
    filePath,
    Object.keys(fromFile).filter((name) => env[name] === undefined),
  );
  return merged;
}

function readDotEnv(filePath: string): Record<string, string> {
  if (!existsSync(filePath)) {
    return {};
  }

  try {
    return parseEnv(readFileSync(filePath, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new UsageError(`invalid .env file ${filePath}`, { cause: error, hint: 'use NAME=value lines' });
  }
}
