/**
 * Legacy SQLite files for the migrate tests: hand-written rows, or the real 600-row sample
 * repeated with a `-copyN` path suffix so that every URL stays unique.
 */
import path from 'node:path';

import Database from 'better-sqlite3';

import type { Store } from '../../src/db/client.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress, type ProgressReporter } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import { SHARED_DATA_DIR } from '../helpers/run-cli.js';

export const REAL_SAMPLE_FILE = path.join(SHARED_DATA_DIR, 'legacy-jobs.sqlite');

/** Legacy id of the one real sample row that must be rejected: a 3,176-byte LinkedIn share URL. */
export const REAL_SAMPLE_LONG_URL_ID = 256;

export interface LegacyFixtureRow {
  id?: number;
  fullLink: string | Buffer | null;
  title?: string | Buffer | null;
  content?: string | Buffer | null;
}

const LEGACY_SCHEMA = 'create table jobs_data (id integer primary key autoincrement, full_link text unique, title text, content text)';

/** Writes a legacy file with the given rows; Buffers are stored as TEXT with their bytes unchanged. */
export function createLegacyFile(filePath: string, rows: readonly LegacyFixtureRow[]): string {
  const sqlite = new Database(filePath);
  sqlite.exec(LEGACY_SCHEMA);
  // cast(blob as text) stores the bytes as they are, valid UTF-8 or not, as the old scrapers could.
  const insert = sqlite.prepare('insert into jobs_data (id, full_link, title, content) values (?, cast(? as text), cast(? as text), cast(? as text))');
  sqlite.transaction(() => {
    for (const row of rows) {
      insert.run(row.id ?? null, row.fullLink, row.title ?? 'Accountant', row.content ?? 'Prepare monthly accounts.');
    }
  })();
  sqlite.close();
  return filePath;
}

/** Writes the real sample `copies` times over, ids 1..600×copies, copy k's URLs ending in `-copyk`. */
export function createRepeatedSampleFile(filePath: string, copies: number): string {
  const seed = new Database(REAL_SAMPLE_FILE, { readonly: true });
  const seedRows = seed.prepare('select full_link, title, content from jobs_data order by id').all() as Array<{ full_link: string; title: string; content: string }>;
  seed.close();

  const rows: LegacyFixtureRow[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const row of seedRows) {
      rows.push({ fullLink: copy === 0 ? row.full_link : withCopySuffix(row.full_link, copy), title: row.title, content: row.content });
    }
  }
  return createLegacyFile(filePath, rows);
}

function withCopySuffix(url: string, copy: number): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}-copy${copy}`;
  return parsed.toString();
}

/** Builds a Context for calling a stage directly. */
export function createTestContext(store: Store, options: { signal?: AbortSignal; progress?: ProgressReporter } = {}): Context {
  return {
    config: loadConfig({ env: {} }),
    store,
    log: silentLogger,
    progress: options.progress ?? silentProgress,
    signal: options.signal ?? new AbortController().signal,
  };
}
