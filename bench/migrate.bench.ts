/**
 * Benchmark of `nextke migrate` (npm run bench:migrate). Builds legacy files of 102,170 and
 * 204,340 rows from the 600 real rows in ../shared/data/legacy-jobs.sqlite, then times, each
 * into an empty database of the local PostgreSQL:
 *   - the baseline: `psql \copy` of the same rows, already mapped and exported to CSV, into a
 *     table created `like job_post including all` (same columns, indexes and compression);
 *   - `nextke migrate` from the SQLite file;
 * and the embedded store for the 600-row and 102,170-row files. Wall time and peak RSS come from
 * `/usr/bin/time -v` around each process. Work files go to bench/.work/ (gitignored).
 *
 * BENCH_DATABASE_URL sets the server (default postgres://postgres@127.0.0.1:5432/postgres), and
 * the benchmark creates and drops its own databases there. BENCH_REPEATS (default 3) sets how
 * many alternating psql and nextke runs each PostgreSQL figure is the best of.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import pg from 'pg';

import { parseDatabaseUrl } from '../src/config/load-config.js';
import { openStore } from '../src/db/client.js';
import { silentLogger } from '../src/lib/log.js';
import { openLegacySource } from '../src/pipeline/migrate/legacy-source.js';
import { mapLegacyRow } from '../src/pipeline/migrate/map-legacy-row.js';
import { parseElapsedSeconds, parsePeakRssMb } from './time-output.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = path.join(ROOT, 'bench/.work');
const SEED_FILE = path.resolve(ROOT, '../shared/data/legacy-jobs.sqlite');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TIME_BIN = '/usr/bin/time';
const PRODUCTION_ROWS = 102_170;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

interface Measurement {
  label: string;
  rows: number;
  seconds: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  if (!existsSync(TIME_BIN)) {
    throw new Error(`${TIME_BIN} not found: install GNU time (apt-get install time) to measure peak RSS`);
  }
  mkdirSync(WORK_DIR, { recursive: true });
  await ensureDistIsBuilt();

  const results: Measurement[] = [];
  for (const rows of [PRODUCTION_ROWS, 2 * PRODUCTION_ROWS]) {
    const legacyFile = buildLegacyFile(rows);
    const csvFile = await exportCsv(legacyFile, rows);

    // Alternating runs share whatever else loads the machine; the best of each is the one least disturbed.
    const psqlRuns: Measurement[] = [];
    const nextkeRuns: Measurement[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      psqlRuns.push(await timePsqlCopy(csvFile, rows));
      nextkeRuns.push(await timeNextkeOnPostgres(legacyFile, rows));
    }
    results.push(bestOf(psqlRuns), bestOf(nextkeRuns));
  }

  results.push(await timeNextkeEmbedded(SEED_FILE, 600));
  results.push(await timeNextkeEmbedded(buildLegacyFile(PRODUCTION_ROWS), PRODUCTION_ROWS));
  printResults(results);
}

/** Returns the fastest run, with the highest peak RSS of all runs. */
function bestOf(runs: readonly Measurement[]): Measurement {
  const fastest = runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
  const label = runs.length > 1 ? `${fastest.label}, best of ${runs.length}` : fastest.label;
  return { ...fastest, label, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}

/** Copies the seed rows round-robin into a new file of `rows` rows. Copy k of a URL gets `-copyk` on its path, so every URL is unique. */
function buildLegacyFile(rows: number): string {
  const file = path.join(WORK_DIR, `legacy-${rows}.sqlite`);
  if (existsSync(file)) {
    return file;
  }

  const seed = new Database(SEED_FILE, { readonly: true });
  const seedRows = seed.prepare('select full_link, title, content from jobs_data order by id').all() as Array<{ full_link: string; title: string; content: string }>;
  seed.close();

  rmSync(`${file}.part`, { force: true });
  const target = new Database(`${file}.part`);
  target.exec('create table jobs_data (id integer primary key autoincrement, full_link text unique, title text, content text)');
  const insert = target.prepare('insert into jobs_data (full_link, title, content) values (?, ?, ?)');
  target.transaction(() => {
    for (let index = 0; index < rows; index++) {
      const row = seedRows[index % seedRows.length]!;
      const copy = Math.floor(index / seedRows.length);
      insert.run(copy === 0 ? row.full_link : withCopySuffix(row.full_link, copy), row.title, row.content);
    }
  })();
  target.close();
  renameSync(`${file}.part`, file);
  return file;
}

function withCopySuffix(url: string, copy: number): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/$/, '')}-copy${copy}`;
  return parsed.toString();
}

/** Writes the rows nextke would insert, mapped the same way, as CSV for the psql baseline. */
async function exportCsv(legacyFile: string, rows: number): Promise<string> {
  const file = path.join(WORK_DIR, `legacy-${rows}.csv`);
  if (existsSync(file)) {
    return file;
  }

  const source = openLegacySource(legacyFile, 'jobs_data');
  const out = createWriteStream(`${file}.part`);
  for (const row of source.iterateRowsAfter(0)) {
    const result = mapLegacyRow(row);
    if ('posting' in result) {
      const { legacyId, source: site, url, urlHash, titleRaw, descriptionRaw } = result.posting;
      const line = [String(legacyId), site, url, urlHash, titleRaw, descriptionRaw].map(csvField).join(',') + '\n';
      if (!out.write(line)) {
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
  }
  source.close();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(`${file}.part`, file);
  return file;
}

function csvField(value: string | null): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`;
}

async function timePsqlCopy(csvFile: string, rows: number): Promise<Measurement> {
  return withBenchDatabase(async (databaseUrl) => {
    await runSql(databaseUrl, 'create table baseline_job_post (like job_post including all)');
    await runSql(databaseUrl, 'checkpoint');
    const columns = 'legacy_id, source, url, url_hash, title_raw, description_raw';
    const copyCommand = `\\copy baseline_job_post (${columns}) from '${csvFile}' with (format csv)`;
    const timed = await runTimed('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', databaseUrl, '-c', copyCommand], {});
    return { label: 'psql \\copy (CSV)', rows, ...timed };
  });
}

async function timeNextkeOnPostgres(legacyFile: string, rows: number): Promise<Measurement> {
  return withBenchDatabase(async (databaseUrl) => {
    await runSql(databaseUrl, 'checkpoint');
    const timed = await runNextkeMigrate(legacyFile, { DATABASE_URL: databaseUrl });
    return { label: 'nextke migrate (PostgreSQL)', rows, ...timed };
  });
}

async function timeNextkeEmbedded(legacyFile: string, rows: number): Promise<Measurement> {
  const dataDir = mkdtempSync(path.join(WORK_DIR, 'embedded-'));
  try {
    // Open once first, so the timed run measures the migration and not the schema setup.
    const store = await openStore({ kind: 'embedded', dataDir }, { log: silentLogger });
    await store.close();
    const timed = await runNextkeMigrate(legacyFile, { NEXTKE_DATA_DIR: dataDir, DATABASE_URL: '' });
    return { label: 'nextke migrate (embedded)', rows, ...timed };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runNextkeMigrate(legacyFile: string, env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number }> {
  const rejects = path.join(WORK_DIR, 'rejects.jsonl');
  rmSync(rejects, { force: true });
  return runTimed(process.execPath, [path.join(ROOT, 'bin/nextke.js'), '--quiet', 'migrate', '--from', legacyFile, '--rejects', rejects], env);
}

/** Creates an empty, migrated database, runs `body` with its URL, and drops it. */
async function withBenchDatabase<T>(body: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `nextke_bench_${process.pid}_${Date.now()}`;
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  const store = await openStore(parseDatabaseUrl(databaseUrl, 'BENCH_DATABASE_URL'), { log: silentLogger });
  await store.close();
  try {
    return await body(databaseUrl);
  } finally {
    await runSql(SERVER_URL, `drop database if exists ${name} with (force)`);
  }
}

async function runSql(databaseUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs a command under `/usr/bin/time -v`; returns its wall time and peak RSS. Throws on a non-zero exit. */
function runTimed(command: string, args: string[], env: Record<string, string>): Promise<{ seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME_BIN, ['-v', command, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ seconds: parseElapsedSeconds(stderr), peakRssMb: parsePeakRssMb(stderr) });
    });
  });
}

/** Checks that dist/ exists: the benchmark runs the compiled CLI, as a user would, and does not compile it. */
async function ensureDistIsBuilt(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/src/cli/main.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
}

function printResults(results: readonly Measurement[]): void {
  const baselines = new Map(results.filter((result) => result.label.startsWith('psql')).map((result) => [result.rows, result.seconds]));
  const header = ['rows', 'what', 'seconds', 'rows/s', 'peak RSS MB', 'time / psql'];
  const lines = results.map((result) => {
    const baseline = baselines.get(result.rows);
    return [
      result.rows.toLocaleString('en-US'),
      result.label,
      result.seconds.toFixed(2),
      Math.round(result.rows / result.seconds).toLocaleString('en-US'),
      result.peakRssMb.toFixed(0),
      baseline && !result.label.startsWith('psql') && result.label.includes('PostgreSQL') ? `${(result.seconds / baseline).toFixed(2)}x` : '-',
    ];
  });

  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  process.stdout.write([format(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...lines.map(format)].join('\n') + '\n');
}

await main();
