/**
 * Writes samples/legacy-jobs.sqlite: 300 real rows of the legacy store, taken from
 * ../shared/data/legacy-jobs.sqlite with the same table definition and the same ids.
 * Usage: node --import tsx scripts/make-sample.ts [SOURCE] [TARGET]
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';

import { sourceFromUrl } from '../src/lib/canonical-url.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_ROWS = 300;
const BOARDS = new Set(['brightermonday', 'careerjet', 'jobwebkenya', 'myjobmag']);

interface LegacyRow {
  id: number;
  full_link: string | null;
  title: string | null;
  content: string | null;
}

const sourcePath = path.resolve(process.argv[2] ?? path.join(ROOT, '../shared/data/legacy-jobs.sqlite'));
const targetPath = path.resolve(process.argv[3] ?? path.join(ROOT, 'samples/legacy-jobs.sqlite'));

const source = new Database(sourcePath, { readonly: true });
const tableSql = source.prepare("select sql from sqlite_master where type = 'table' and name = 'jobs_data'").pluck().get() as string | undefined;
if (!tableSql) {
  throw new Error(`${sourcePath} has no jobs_data table`);
}
const rows = source.prepare('select id, full_link, title, content from jobs_data order by id').all() as LegacyRow[];
source.close();

const chosen = chooseRows(rows);
if (existsSync(targetPath)) {
  rmSync(targetPath);
}
const target = new Database(targetPath);
target.exec(tableSql);
const insert = target.prepare('insert into jobs_data (id, full_link, title, content) values (?, ?, ?, ?)');
target.transaction(() => {
  for (const row of chosen) {
    insert.run(row.id, row.full_link, row.title, row.content);
  }
})();
target.exec('vacuum');
target.close();
process.stdout.write(`wrote ${chosen.length} rows to ${targetPath}\n`);

/** Keeps every row of the smaller boards, then every other row of the rest, in id order, up to SAMPLE_ROWS. */
function chooseRows(all: readonly LegacyRow[]): LegacyRow[] {
  const counts = new Map<string, number>();
  for (const row of all) {
    const key = sourceKey(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  const isScarce = (row: LegacyRow) => BOARDS.has(sourceKey(row)) && (counts.get(sourceKey(row)) ?? 0) <= 20;
  const scarce = all.filter(isScarce);
  const others = all.filter((row, index) => !isScarce(row) && index % 2 === 0);
  return [...scarce, ...others.slice(0, SAMPLE_ROWS - scarce.length)].sort((a, b) => a.id - b.id);
}

function sourceKey(row: LegacyRow): string {
  try {
    return row.full_link ? sourceFromUrl(row.full_link) : '';
  } catch {
    return '';
  }
}
