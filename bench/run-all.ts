/**
 * Runs every benchmark in turn, each in its own process so that one's memory does not count
 * against the next: `npm run bench`. Each prints its own table; this prints which one failed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const BENCHMARKS = ['normalize.bench.ts', 'migrate.bench.ts', 'scrape.bench.ts', 'process.bench.ts', 'insights.bench.ts'];

const failed: string[] = [];
for (const file of BENCHMARKS) {
  process.stdout.write(`\n== ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, file)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed.push(`${file} (exit ${result.status ?? result.signal})`);
  }
}

if (failed.length > 0) {
  process.stderr.write(`benchmarks failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
