/**
 * Benchmark of `nextke scrape` (npm run bench:scrape).
 *
 * 1. Parse rate: detail pages parsed per second on one core, from the fixture pages of the four
 *    boards in src/sites/<board>/fixtures/, as saved (4-9 KB) and padded with 80 KB of page
 *    furniture (navigation, footer, inline scripts), which is closer to the size of real board pages.
 * 2. Full crawl: four local fixture servers (one per board, 500 postings each, 2,000 in all) with
 *    rate limits off, crawled into an empty embedded store and, when reachable, an empty
 *    PostgreSQL database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *    The crawl runs in a child process under `/usr/bin/time -v` for its peak RSS; the servers run
 *    in this process. Then a second crawl of the same servers measures the incremental run. A
 *    baseline child loads the same modules (through tsx) and opens the store without crawling,
 *    so the crawl's own share of the peak RSS can be read off.
 *
 * `--parse-only` measures the parse rate and skips the crawls.
 *
 * Parse rates are given per wall second and per CPU second (user + system of this process),
 * because on a shared machine the wall rate mostly measures the other processes. The load
 * average at the start is printed with the results.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { loadConfig } from '../src/config/load-config.js';
import { openStore } from '../src/db/client.js';
import { silentLogger } from '../src/lib/log.js';
import { silentProgress } from '../src/lib/progress.js';
import { runScrape } from '../src/pipeline/scrape/run-scrape.js';
import { getSiteAdapter } from '../src/sites/index.js';
import { startBoardServers } from '../test/helpers/fixture-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOARDS = ['brightermonday', 'careerjet', 'jobwebkenya', 'myjobmag'] as const;
const POSTINGS_PER_BOARD = 500;
const PARSE_SECONDS = 5;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface CrawlResult {
  label: string;
  run: 'first' | 'second' | 'baseline';
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  postingsNew: number;
  detailsFetched: number;
  peakRssMb: number;
}

if (process.argv[2] === '--crawl') {
  await crawlInChild(false);
} else if (process.argv[2] === '--baseline') {
  await crawlInChild(true);
} else {
  await main(process.argv.includes('--parse-only'));
}

async function main(isParseOnly: boolean): Promise<void> {
  const loadAverage = os.loadavg()[0]?.toFixed(1);
  const parseRates = [measureParseRate(0), measureParseRate(80_000)];
  console.log(`\nDetail pages parsed per second (one thread, node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAverage} at start)`);
  console.table(parseRates);
  if (isParseOnly) {
    return;
  }

  const crawls: CrawlResult[] = [];

  const boards = await startBoardServers({ postingCount: POSTINGS_PER_BOARD });
  try {
    const embeddedDir = mkdtempSync(path.join(os.tmpdir(), 'nextke-bench-'));
    crawls.push(await timeCrawl('embedded', { NEXTKE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'nextke-bench-')), DATABASE_URL: '' }, boards.env, 'baseline'));
    crawls.push(await timeCrawl('embedded', { NEXTKE_DATA_DIR: embeddedDir, DATABASE_URL: '' }, boards.env, 'first'));
    crawls.push(await timeCrawl('embedded', { NEXTKE_DATA_DIR: embeddedDir, DATABASE_URL: '' }, boards.env, 'second'));
    rmSync(embeddedDir, { recursive: true, force: true });

    const databaseUrl = await createDatabase();
    if (databaseUrl) {
      crawls.push(await timeCrawl('postgres', { DATABASE_URL: databaseUrl }, boards.env, 'baseline'));
      crawls.push(await timeCrawl('postgres', { DATABASE_URL: databaseUrl }, boards.env, 'first'));
      crawls.push(await timeCrawl('postgres', { DATABASE_URL: databaseUrl }, boards.env, 'second'));
      await dropDatabase(databaseUrl);
    }
  } finally {
    await boards.close();
  }

  console.log(`\nFull crawl: 4 local boards x ${POSTINGS_PER_BOARD} postings, rate limits off`);
  console.table(crawls);
}

/** Parses every fixture detail page round-robin for PARSE_SECONDS and returns pages per wall and per CPU second. */
function measureParseRate(paddingBytes: number): { pageKb: number; pages: number; pagesPerWallSecond: number; pagesPerCpuSecond: number } {
  const furniture = buildFurniture(paddingBytes);
  const pages = BOARDS.flatMap((board) => {
    const folder = path.join(ROOT, 'src/sites', board, 'fixtures');
    return readdirSync(folder)
      .filter((name) => name.startsWith('detail'))
      .map((name) => ({ board, html: readFileSync(path.join(folder, name), 'utf8').replace('</body>', `${furniture}</body>`) }));
  });
  const adapters = new Map(BOARDS.map((board) => [board, getSiteAdapter(board)]));
  const parse = (index: number) => {
    const page = pages[index % pages.length]!;
    adapters.get(page.board)!.parseDetail(page.html, 'https://bench.example/job/x');
  };

  // Warm-up, so the JIT has compiled the parser before timing starts.
  for (let index = 0; index < 200; index += 1) {
    parse(index);
  }

  const startedMs = performance.now();
  const startedCpu = process.cpuUsage();
  let parsed = 0;
  while (performance.now() - startedMs < PARSE_SECONDS * 1_000) {
    parse(parsed);
    parsed += 1;
  }
  const wallSeconds = (performance.now() - startedMs) / 1_000;
  const cpu = process.cpuUsage(startedCpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const averageKb = pages.reduce((sum, page) => sum + page.html.length, 0) / pages.length / 1024;
  return { pageKb: Math.round(averageKb), pages: parsed, pagesPerWallSecond: Math.round(parsed / wallSeconds), pagesPerCpuSecond: Math.round(parsed / cpuSeconds) };
}

function buildFurniture(bytes: number): string {
  const block = '<nav class="menu"><ul><li><a href="/jobs">Jobs</a></li><li><a href="/companies">Companies</a></li><li><a href="/cv">CV</a></li></ul></nav><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script><footer><p>Footer links and legal text for the board.</p></footer>\n';
  return block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes);
}

async function timeCrawl(label: string, storeEnv: Record<string, string>, boardEnv: Record<string, string>, run: CrawlResult['run']): Promise<CrawlResult> {
  const env = { ...process.env, ...storeEnv, ...boardEnv, NO_COLOR: '1' };
  const mode = run === 'baseline' ? '--baseline' : '--crawl';
  const child = spawn('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', path.join(ROOT, 'bench/scrape.bench.ts'), mode], { env, cwd: ROOT });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (exitCode !== 0) {
    throw new Error(`crawl child failed with exit code ${exitCode}:\n${stderr.slice(-2_000)}`);
  }

  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<CrawlResult, 'label' | 'run' | 'peakRssMb'>;
  return { label, run, ...result, peakRssMb: Math.round(peakKb / 1024) };
}

/** Runs the child side: one scrape of every site (none for the baseline), printed as one JSON line. */
async function crawlInChild(isBaseline: boolean): Promise<void> {
  const config = loadConfig({ env: process.env });
  const store = await openStore(config.database, { log: silentLogger });
  try {
    if (isBaseline) {
      console.log(JSON.stringify({ seconds: 0, requests: 0, requestsPerSecond: 0, postingsNew: 0, detailsFetched: 0 }));
      return;
    }
    const report = await runScrape(
      { config, store, log: silentLogger, progress: silentProgress, signal: new AbortController().signal },
      { refreshAfterDays: 7, isDryRun: false, jobRpm: 0, ignoreSiteRates: true },
    );
    const seconds = report.durationMs / 1_000;
    console.log(
      JSON.stringify({
        seconds: Math.round(seconds * 10) / 10,
        requests: report.details.requests,
        requestsPerSecond: Math.round(report.details.requests / seconds),
        postingsNew: report.counts.new,
        detailsFetched: report.counts.detailsFetched,
      }),
    );
  } finally {
    await store.close();
  }
}

async function createDatabase(): Promise<string | null> {
  const name = `nextke_bench_scrape_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    console.warn(`PostgreSQL at ${SERVER_URL} not usable, crawling into the embedded store only: ${(error as Error).message}`);
    return null;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
  } finally {
    await admin.end();
  }
}
