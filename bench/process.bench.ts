/**
 * Benchmark of `nextke process` (npm run bench:process). Migrates a 102,170-row legacy file
 * (the 600 real rows repeated, see bench/lib/build-legacy-sample.ts) into a database of the local
 * PostgreSQL once, then, each time on a fresh copy of that database:
 *   - times one `nextke process` over every posting;
 *   - times two `nextke process` runs started together, and checks from processing_log that no
 *     posting was saved twice.
 * Wall time, CPU time (user + system, worker threads included) and peak RSS come from
 * `/usr/bin/time -v`; the split between normalizer and database time comes from the run's JSON
 * report. The two overlap, because the next batch is normalized while the current one is saved.
 * On a shared machine wall time mostly measures the other processes, so the load average is
 * printed and postings per CPU second is the figure to compare. PostgreSQL's own CPU time is not
 * counted. Work files go to bench/.work/ (gitignored).
 *
 *   npm run bench:process -- [--rows N] [--batch-size N] [--workers N]
 *
 * BENCH_DATABASE_URL sets the server (default postgres://postgres@127.0.0.1:5432/postgres); the
 * benchmark creates and drops its own databases there.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { buildLegacySample } from './lib/build-legacy-sample.js';
import { runTimedNextke } from './lib/run-timed-nextke.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK_DIR = path.join(ROOT, 'bench/.work');
const SEED_FILE = path.resolve(ROOT, '../shared/data/legacy-jobs.sqlite');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TIME_BIN = '/usr/bin/time';

interface TimedRun {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  report: { counts: Record<string, number>; details: { normalizeMs: number; databaseMs: number; postingsPerSecond: number } };
}

interface Measurement {
  label: string;
  processed: number;
  seconds: number;
  postingsPerSecond: number;
  cpuSeconds: number;
  peakRssMb: number;
  normalizeShare: number;
  savedTwice: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '102170' }, 'batch-size': { type: 'string', default: '1000' }, workers: { type: 'string' } },
  });
  const rows = Number(values.rows);
  const batchSize = values['batch-size'];
  const processArgs = ['process', '--json', '--batch-size', batchSize, ...(values.workers === undefined ? [] : ['--workers', values.workers])];
  if (!existsSync(TIME_BIN)) {
    throw new Error(`${TIME_BIN} not found: install GNU time (apt-get install time) to measure peak RSS`);
  }
  if (!existsSync(path.join(ROOT, 'dist/src/cli/main.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  mkdirSync(WORK_DIR, { recursive: true });

  const legacyFile = buildLegacySample(SEED_FILE, WORK_DIR, rows);
  const template = `nextke_bench_process_${process.pid}`;
  const copies: string[] = [];
  try {
    console.error(`migrating ${rows} rows into ${template}`);
    await runNextke(['migrate', '--from', legacyFile, '--rejects', path.join(WORK_DIR, 'process-bench-rejects.jsonl')], databaseUrl(template));

    const single = await copyDatabase(template, `${template}_one`, copies);
    console.error('timing one process run');
    const loadAtStart = formatLoadAverage();
    const one = await runNextke(processArgs, databaseUrl(single));

    const shared = await copyDatabase(template, `${template}_two`, copies);
    console.error('timing two concurrent process runs');
    const startedMs = Date.now();
    const two = await Promise.all([1, 2].map(() => runNextke(processArgs, databaseUrl(shared))));
    const twoSeconds = (Date.now() - startedMs) / 1000;
    const loadAtEnd = formatLoadAverage();

    printResults([
      toMeasurement('one run', [one], one.seconds, null),
      toMeasurement('two concurrent runs', two, twoSeconds, await countPostingsSavedTwice(databaseUrl(shared))),
    ], processArgs.slice(2).join(' '), `${loadAtStart} at the start, ${loadAtEnd} at the end`);
  } finally {
    for (const name of [...copies, template]) {
      await runSql(SERVER_URL, `drop database if exists ${name} with (force)`);
    }
  }
}

function toMeasurement(label: string, runs: readonly TimedRun[], seconds: number, savedTwice: number | null): Measurement {
  const processed = runs.reduce((sum, run) => sum + run.report.counts.processed!, 0);
  const normalizeMs = runs.reduce((sum, run) => sum + run.report.details.normalizeMs, 0);
  const databaseMs = runs.reduce((sum, run) => sum + run.report.details.databaseMs, 0);
  return {
    label,
    processed,
    seconds,
    postingsPerSecond: Math.round(processed / seconds),
    cpuSeconds: runs.reduce((sum, run) => sum + run.cpuSeconds, 0),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    normalizeShare: normalizeMs / (normalizeMs + databaseMs),
    savedTwice,
  };
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates `name` as a copy of `template` (PostgreSQL copies the files, much faster than migrating again). */
async function copyDatabase(template: string, name: string, created: string[]): Promise<string> {
  await runSql(SERVER_URL, `create database ${name} template ${template}`);
  created.push(name);
  return name;
}

async function countPostingsSavedTwice(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ repeated: string }>(
      `select count(*) as repeated from (
         select saved_id from processing_log, jsonb_array_elements_text(details->'ids') as saved_id
         where stage = 'process' and message = 'batch saved'
         group by saved_id having count(*) > 1) as repeated_ids`,
    );
    return Number(result.rows[0]?.repeated ?? 0);
  } finally {
    await client.end();
  }
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

/** Runs the compiled CLI under `/usr/bin/time -v` with DATABASE_URL set; parses its JSON report when it prints one. */
async function runNextke(args: string[], url: string): Promise<TimedRun> {
  const run = await runTimedNextke(args, url);
  const report = args.includes('--json') ? JSON.parse(run.stdout) : { counts: {}, details: {} };
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb, report };
}

/** The 1-, 5- and 15-minute load averages, e.g. `8.1 / 9.0 / 9.7`. */
function formatLoadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
}

function printResults(results: readonly Measurement[], flags: string, loadAverage: string): void {
  console.log(`nextke process ${flags}, PostgreSQL at ${new URL(SERVER_URL).host}, ${os.availableParallelism()} CPUs, load average ${loadAverage}`);
  console.log('| run | postings | seconds | postings/s | CPU s | postings/CPU s | peak RSS (MB) | normalizer share | saved twice |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const perCpuSecond = Math.round(result.processed / result.cpuSeconds);
    console.log(
      `| ${result.label} | ${result.processed} | ${result.seconds.toFixed(1)} | ${result.postingsPerSecond} | ${result.cpuSeconds.toFixed(1)} | ${perCpuSecond} | ${result.peakRssMb.toFixed(0)} | ${(result.normalizeShare * 100).toFixed(0)}% | ${result.savedTwice ?? '-'} |`,
    );
  }
}

await main();
