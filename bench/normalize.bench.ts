/**
 * Micro-benchmark of normalizePosting: runs the gold postings repeatedly, after a warm-up, and
 * prints postings per second on one core and the mean posting length. Wall time suffers when other
 * processes share the machine, so the CPU time this process used is printed too; compare runs by it.
 *
 *   node --import tsx bench/normalize.bench.ts [--gold FILE] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { normalizePosting, type PostingInput } from '../src/normalize/normalize-posting.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_GOLD_PATH = resolve(REPO_ROOT, '../shared/data/gold-dev.jsonl');
const WARM_UP_ROUNDS = 5;
const FETCHED_AT = new Date('2026-03-01T00:00:00Z');

const { values } = parseArgs({ options: { gold: { type: 'string' }, rounds: { type: 'string', default: '50' } } });
const rounds = Number(values.rounds);
const inputs: PostingInput[] = readFileSync(resolve(values.gold ?? DEFAULT_GOLD_PATH), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as { source_url: string; title: string; text: string })
  .map((record) => ({ url: record.source_url, source: 'bench', title: record.title, text: record.text, fetchedAt: FETCHED_AT }));

for (let round = 0; round < WARM_UP_ROUNDS; round += 1) for (const input of inputs) normalizePosting(input);

const started = performance.now();
const cpuAtStart = process.cpuUsage();
for (let round = 0; round < rounds; round += 1) for (const input of inputs) normalizePosting(input);
const cpu = process.cpuUsage(cpuAtStart);
const elapsedMs = performance.now() - started;
const cpuMs = (cpu.user + cpu.system) / 1000;

const postings = rounds * inputs.length;
const meanChars = Math.round(inputs.reduce((sum, input) => sum + (input.text?.length ?? 0), 0) / inputs.length);
process.stdout.write(
  `normalizePosting: ${postings} postings (mean ${meanChars} chars) in ${elapsedMs.toFixed(0)} ms: ` +
    `${Math.round((postings / elapsedMs) * 1000)} postings/s on one core, ${((elapsedMs / postings) * 1000).toFixed(0)} µs each; ` +
    `CPU time ${cpuMs.toFixed(0)} ms, ${((cpuMs / postings) * 1000).toFixed(0)} µs each\n`,
);
