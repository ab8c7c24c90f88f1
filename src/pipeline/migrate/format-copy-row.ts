/**
 * Formats rows in PostgreSQL's COPY text format: tab-separated fields, one row per line, `\N`
 * for null. Fields must not contain NUL bytes, which COPY cannot carry; the mapper rejects them.
 */

const SPECIAL_CHARACTERS = /[\\\t\n\r]/g;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escapes one field: backslash, tab, newline and carriage return become backslash sequences. */
export function escapeCopyField(value: string | number | null): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return value.replace(SPECIAL_CHARACTERS, (character) => ESCAPES[character] ?? character);
}

/** Formats one row, newline included. */
export function formatCopyRow(fields: ReadonlyArray<string | number | null>): string {
  return fields.map(escapeCopyField).join('\t') + '\n';
}
