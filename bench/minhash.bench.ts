/**
 * Micro-benchmark of MinHash signatures (128 slots) over the gold postings: the WebAssembly SIMD
 * kernel against the scalar loop, in the same run, after a warm-up. CPU time per posting is
 * printed because wall time suffers when other processes share the machine.
 *
 *   node --import tsx bench/minhash.bench.ts [--gold FILE] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { minhashSignatureOfShingleText, normalizeForShingles, scalarMinhashSignatureOfShingleText } from '../src/normalize/duplicate-key.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_GOLD_PATH = resolve(REPO_ROOT, '../shared/data/gold-dev.jsonl');
const WARM_UP_ROUNDS = 10;

const { values } = parseArgs({ options: { gold: { type: 'string' }, rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);
const texts = readFileSync(resolve(values.gold ?? DEFAULT_GOLD_PATH), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => normalizeForShingles((JSON.parse(line) as { text: string }).text));

/** Returns CPU microseconds per posting for `rounds` passes over the texts. */
function measure(signature: (text: string) => Uint32Array): number {
  for (let round = 0; round < WARM_UP_ROUNDS; round += 1) for (const text of texts) signature(text);

  const started = process.cpuUsage();
  for (let round = 0; round < rounds; round += 1) for (const text of texts) signature(text);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / (rounds * texts.length);
}

const scalar = measure((text) => scalarMinhashSignatureOfShingleText(text));
const kernel = measure((text) => minhashSignatureOfShingleText(text));
const words = texts.reduce((sum, text) => sum + text.split(' ').length, 0) / texts.length;

console.log(`${texts.length} postings, ${Math.round(words)} words on average, ${rounds} rounds`);
console.log(`scalar loop   ${scalar.toFixed(1)} µs CPU per posting`);
console.log(`SIMD kernel   ${kernel.toFixed(1)} µs CPU per posting (${(kernel / scalar).toFixed(2)} of the scalar loop)`);
