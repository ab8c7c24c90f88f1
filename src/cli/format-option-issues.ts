import type { ZodError } from 'zod';

/**
 * Formats the issues of a failed flag or argument parse, one line each, naming the flag the way
 * the user typed it: commander stores `--batch-size` under `batchSize`, and the commands parse
 * that object as is, so an issue path's first key maps back to the flag. A path with no key is
 * the command's positional argument.
 */
export function formatOptionIssues(error: ZodError): string {
  const lines = error.issues.map((issue) => `  - ${describeIssuePath(issue.path)}: ${issue.message}`);
  return `invalid options:\n${lines.join('\n')}`;
}

function describeIssuePath(path: readonly PropertyKey[]): string {
  const [key, ...rest] = path;
  if (key === undefined) {
    return 'argument';
  }

  const flag = `--${String(key).replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  const [index] = rest;
  return typeof index === 'number' ? `${flag} (value ${index + 1})` : flag;
}
