/**
 * Benchmark of `nextke insights` (npm run bench:insights). Builds a database of the local
 * PostgreSQL with about 1,000,000 processed postings. nextke itself migrates and processes the 600
 * legacy rows. Then each processed row (with its skills) is copied in SQL with a new URL and a
 * posting date spread over two years. Descriptions are not copied, because no report reads them.
 * Then, under `/usr/bin/time -v` for wall time and peak RSS:
 *   1. `nextke insights --json`, the first run, which also builds metrics_daily for every date;
 *   2. `nextke insights --json`, all reports with metrics_daily current (the target: <= 5 s, <= 300 MB);
 *   3. `nextke insights --json --html FILE`, all reports and the HTML report with charts.
 *
 *   npm run bench:insights -- [--rows N] [--keep]
 *
 * BENCH_DATABASE_URL sets the server (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark creates its own database there and drops it at the end unless --keep is given.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { runTimedNextke } from './lib/run-timed-nextke.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = path.join(ROOT, 'bench/.work');
const LEGACY_FILE = path.resolve(ROOT, '../shared/data/legacy-jobs.sqlite');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TIME_BIN = '/usr/bin/time';

// Copies get ids `original id + copy number × ID_STRIDE`, so a copied duplicate can point at the
// copy of its original and copied skills at their copied posting.
const ID_STRIDE = 10_000;
const COPIES_PER_STATEMENT = 100;
const SPREAD_DAYS = 730;
const SPREAD_START = '2024-12-05';

interface TimedRun {
  label: string;
  seconds: number;
  peakRssMb: number;
  stdout: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, keep: { type: 'boolean', default: false } } });
  const targetRows = Number(values.rows);
  if (!existsSync(TIME_BIN)) {
    throw new Error(`${TIME_BIN} not found: install GNU time (apt-get install time) to measure peak RSS`);
  }
  if (!existsSync(path.join(ROOT, 'dist/src/cli/main.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  mkdirSync(WORK_DIR, { recursive: true });

  const name = `nextke_bench_insights_${process.pid}`;
  const url = databaseUrl(name);
  await runSql(SERVER_URL, `create database ${name}`);
  try {
    console.error(`migrating and processing ${LEGACY_FILE} into ${name}`);
    await runNextke('migrate', ['migrate', '--from', LEGACY_FILE, '--rejects', path.join(WORK_DIR, 'insights-bench-rejects.jsonl')], url);
    await runNextke('process', ['process', '--batch-size', '200'], url);

    const postings = await replicateProcessedPostings(url, targetRows);
    console.error(`${postings} processed postings; vacuum analyze`);
    await runSql(url, 'vacuum analyze');

    const htmlPath = path.join(WORK_DIR, 'insights-bench-report.html');
    const runs = [
      await runNextke('first run, builds metrics_daily', ['insights', '--json'], url),
      await runNextke('all reports, --json', ['insights', '--json'], url),
      await runNextke('all reports, --json and --html', ['insights', '--json', '--html', htmlPath], url),
    ];
    printResults(postings, runs, statSync(htmlPath).size);
  } finally {
    if (values.keep) {
      console.error(`kept database ${name}: DATABASE_URL=${url}`);
    } else {
      await runSql(SERVER_URL, `drop database if exists ${name} with (force)`);
    }
  }
}

/** Copies the processed postings and their skills until about `targetRows` processed postings exist; returns the count. */
async function replicateProcessedPostings(url: string, targetRows: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const base = await client.query<{ postings: string; max_id: string }>('select count(*) as postings, max(id) as max_id from job_post where processed_at is not null');
    const basePostings = Number(base.rows[0]!.postings);
    if (Number(base.rows[0]!.max_id) >= ID_STRIDE) {
      throw new Error(`posting ids reach ${base.rows[0]!.max_id}, but copied ids need the originals below ${ID_STRIDE}: use a fresh database`);
    }

    const copies = Math.ceil((targetRows - basePostings) / basePostings);
    for (let first = 1; first <= copies; first += COPIES_PER_STATEMENT) {
      const last = Math.min(copies, first + COPIES_PER_STATEMENT - 1);
      await client.query(COPY_POSTINGS_SQL, [first, last, ID_STRIDE, SPREAD_START, SPREAD_DAYS]);
      await client.query(COPY_SKILLS_SQL, [first, last, ID_STRIDE]);
      console.error(`copies ${first}-${last} of ${copies}`);
    }

    await client.query(`select setval(pg_get_serial_sequence('job_post', 'id'), (select max(id) from job_post))`);
    const total = await client.query<{ postings: string }>('select count(*) as postings from job_post where processed_at is not null');
    return Number(total.rows[0]!.postings);
  } finally {
    await client.end();
  }
}

const COPY_POSTINGS_SQL = `
  insert into job_post (id, source, url, url_hash, first_seen, last_seen, repost_count, title_raw, org_id, title_norm_id,
    location_id, title_family, employment_type, seniority, salary_min, salary_max, currency, salary_period, salary_disclosed,
    salary_monthly_kes, education, experience_years, date_posted, deadline, quality_score, content_hash, duplicate_of,
    reject_reason, processed_at)
  select b.id + n * $3, b.source, b.url || '#bench-' || n, md5(b.url || '#bench-' || n), d.day + interval '8 hours', d.day + interval '8 hours',
    b.repost_count, b.title_raw, b.org_id, b.title_norm_id, b.location_id, b.title_family, b.employment_type, b.seniority,
    b.salary_min, b.salary_max, b.currency, b.salary_period, b.salary_disclosed, b.salary_monthly_kes, b.education,
    b.experience_years, d.day, d.day + 30, b.quality_score, b.content_hash,
    b.duplicate_of + n * $3, b.reject_reason, now()
  from job_post b
  cross join generate_series($1::int, $2::int) as n
  cross join lateral (select $4::date + ((b.id * 7919 + n * 104729) % $5)::int as day) as d
  where b.processed_at is not null and b.id < $3`;

const COPY_SKILLS_SQL = `
  insert into job_skill (job_id, skill_id, confidence)
  select js.job_id + n * $3, js.skill_id, js.confidence
  from job_skill js join job_post b on b.id = js.job_id and b.processed_at is not null and b.id < $3
  cross join generate_series($1::int, $2::int) as n`;

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function runSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs the CLI under `/usr/bin/time -v` and labels the measurement. */
async function runNextke(label: string, args: string[], url: string): Promise<TimedRun> {
  return { label, ...(await runTimedNextke(args, url)) };
}

function printResults(postings: number, runs: readonly TimedRun[], htmlBytes: number): void {
  const report = JSON.parse(runs[1]!.stdout) as { counts: Record<string, number> };
  console.log(`nextke insights over ${postings.toLocaleString('en-US')} processed postings (${report.counts.uniquePostings?.toLocaleString('en-US')} unique), PostgreSQL at ${new URL(SERVER_URL).host}`);
  console.log('| run | seconds | peak RSS (MB) |');
  console.log('|---|---|---|');
  for (const run of runs) {
    console.log(`| ${run.label} | ${run.seconds.toFixed(2)} | ${run.peakRssMb.toFixed(0)} |`);
  }
  console.log(`HTML report: ${(htmlBytes / 1024).toFixed(0)} KiB`);
}

await main();
