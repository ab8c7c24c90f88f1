/**
 * Reads the legacy SQLite store: checks that the file, the table and its columns are there, then
 * streams rows in id order with better-sqlite3's `iterate`, never the whole table in memory.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

import { isUtf8 } from 'node:buffer';

import Database from 'better-sqlite3';

import { UsageError } from '../../lib/errors.js';
import { LEGACY_TEXT_COLUMNS, type LegacyRow, type LegacyTextColumn } from './map-legacy-row.js';

/** The columns `nextke migrate` reads; the legacy schema is `jobs_data(id, full_link, title, content)`. */
export const LEGACY_COLUMNS = ['id', 'full_link', 'title', 'content'] as const;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export interface LegacySource {
  /** Absolute path of the SQLite file. */
  filePath: string;
  /** The table name as the file spells it. */
  table: string;
  /** Identifies this file and table in `migration_checkpoint`. */
  sourceKey: string;
  countRowsAfter(legacyId: number): number;
  /** Yields rows with `id > legacyId` in id order, each text column that is not valid UTF-8 flagged. */
  iterateRowsAfter(legacyId: number): IterableIterator<LegacyRow>;
  /** Returns the full_link of one row as text, or null when the row or its value is missing. */
  findFullLink(legacyId: number): string | null;
  close(): void;
}

interface RawLegacyRow {
  id: number;
  full_link: string | null;
  title: string | null;
  content: string | null;
}

/**
 * Opens the legacy file read-only and checks its shape. Throws UsageError (exit code 2) when the
 * table name is not an identifier, or when the file, the table or a column is missing, naming
 * what was expected and what was found.
 */
export function openLegacySource(filePath: string, table: string): LegacySource {
  if (!IDENTIFIER.test(table)) {
    throw new UsageError(`invalid legacy table name ${JSON.stringify(table)}`, {
      hint: 'pass --table NAME with letters, digits and _ only, not starting with a digit (default jobs_data)',
    });
  }

  const absolutePath = path.resolve(filePath);
  if (!existsSync(absolutePath) || !statSync(absolutePath).isFile()) {
    throw new UsageError(`legacy SQLite file not found: ${absolutePath}`, {
      hint: `pass --from PATH or set LEGACY_SQLITE_PATH to a SQLite file with a table ${table}(${LEGACY_COLUMNS.join(', ')})`,
    });
  }

  const sqlite = new Database(absolutePath, { readonly: true, fileMustExist: true });
  try {
    const tableName = findTable(sqlite, absolutePath, table);
    ensureColumnsExist(sqlite, absolutePath, tableName);
    return createSource(sqlite, absolutePath, tableName);
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

function findTable(sqlite: Database.Database, filePath: string, table: string): string {
  let names: string[];
  try {
    names = sqlite.prepare("select name from sqlite_master where type in ('table', 'view') order by name").pluck().all() as string[];
  } catch (error) {
    throw new UsageError(`${filePath} is not a readable SQLite database`, {
      cause: error,
      hint: 'pass --from PATH to the legacy jobs.sqlite3 file',
    });
  }

  // SQLite matches table names case-insensitively; the checkpoint key uses the name as stored.
  const found = names.find((name) => name.toLowerCase() === table.toLowerCase());
  if (!found) {
    throw new UsageError(`table ${table} not found in ${filePath}; tables found: ${names.length > 0 ? names.join(', ') : 'none'}`, {
      hint: 'pass --table NAME with one of the tables found',
    });
  }
  return found;
}

function ensureColumnsExist(sqlite: Database.Database, filePath: string, table: string): void {
  const columns = (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).map((name) => name.toLowerCase());
  const missing = LEGACY_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new UsageError(
      `table ${table} in ${filePath} lacks column ${missing.join(', ')}: expected ${LEGACY_COLUMNS.join(', ')}; found ${columns.join(', ') || 'none'}`,
      { hint: 'point --from and --table at the legacy jobs table' },
    );
  }
}

function createSource(sqlite: Database.Database, filePath: string, table: string): LegacySource {
  // `table` was matched against sqlite_master and checked as an identifier, so quoting it is safe.
  const quoted = `"${table}"`;
  // A plain count(*) walks the smallest index, while `where id > ?` walks the table itself and
  // takes several times longer, so a run from the first row uses the plain count.
  const countAllStatement = sqlite.prepare(`select count(*) from ${quoted}`).pluck();
  const countAfterStatement = sqlite.prepare(`select count(*) from ${quoted} where id > ?`).pluck();
  // Casting makes numbers and blobs text too. better-sqlite3 turns bytes that are not UTF-8 into
  // U+FFFD, so only a row showing U+FFFD has its bytes read again to tell the two apart.
  const rowStatement = sqlite.prepare(
    `select id, cast(full_link as text) as full_link, cast(title as text) as title, cast(content as text) as content
     from ${quoted} where id > ? order by id`,
  );
  const bytesStatement = sqlite.prepare(
    `select cast(full_link as blob) as full_link, cast(title as blob) as title, cast(content as blob) as content from ${quoted} where id = ?`,
  );
  const fullLinkStatement = sqlite.prepare(`select cast(full_link as text) from ${quoted} where id = ?`).pluck();
  const findInvalidUtf8Column = (raw: RawLegacyRow): LegacyTextColumn | undefined => {
    if (!LEGACY_TEXT_COLUMNS.some((column) => raw[column]?.includes('\uFFFD'))) {
      return undefined;
    }
    const bytes = bytesStatement.get(raw.id) as Record<LegacyTextColumn, Buffer | null>;
    return LEGACY_TEXT_COLUMNS.find((column) => bytes[column] !== null && !isUtf8(bytes[column]));
  };

  return {
    filePath,
    table,
    sourceKey: `${filePath}#${table}`,
    countRowsAfter: (legacyId) => (legacyId <= 0 ? countAllStatement.get() : countAfterStatement.get(legacyId)) as number,
    iterateRowsAfter: function* (legacyId) {
      for (const raw of rowStatement.iterate(legacyId) as IterableIterator<RawLegacyRow>) {
        yield { id: raw.id, fullLink: raw.full_link, title: raw.title, content: raw.content, invalidUtf8Column: findInvalidUtf8Column(raw) };
      }
    },
    findFullLink: (legacyId) => (fullLinkStatement.get(legacyId) as string | null | undefined) ?? null,
    close: () => sqlite.close(),
  };
}
