/**
 * Runs normalizePosting over the hand-labelled gold postings and prints per-field accuracy,
 * skill precision and recall, and every miss.
 *
 *   npm run eval                 table on stdout
 *   npm run eval -- --json       one JSON object on stdout
 *   npm run eval -- --gold FILE  another labelled file (JSON lines: {id, source_url, title, text, expected})
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import Table from 'cli-table3';

import { normalizePosting } from '../src/normalize/normalize-posting.js';
import { SCORED_FIELDS, scoreGold, type GoldExpected, type GoldPrediction, type GoldScore } from './score-gold.js';

interface GoldRecord {
  id: string;
  source_url: string;
  title: string | null;
  text: string | null;
  fetched_at?: string;
  expected: GoldExpected;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_GOLD_PATH = resolve(REPO_ROOT, '../shared/data/gold-dev.jsonl');

// The gold texts carry no crawl date; relative ages ("3 days ago") resolve against this fixed day.
const DEFAULT_FETCHED_AT = new Date('2026-03-01T00:00:00Z');

function main(): void {
  const { values } = parseArgs({ options: { gold: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const goldPath = resolve(values.gold ?? DEFAULT_GOLD_PATH);
  if (!existsSync(goldPath)) {
    process.stderr.write(`gold file not found: ${goldPath}; pass --gold FILE with a labelled JSON-lines file\n`);
    process.exitCode = 2;
    return;
  }

  const records = readGold(goldPath);
  const score = scoreGold(records.map((record) => ({ id: record.id, expected: record.expected, got: predict(record) })));
  process.stdout.write(values.json === true ? `${JSON.stringify(score)}\n` : renderTable(score));
}

function readGold(path: string): GoldRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, index) => {
      try {
        return JSON.parse(line) as GoldRecord;
      } catch (error) {
        throw new Error(`gold line ${index + 1} of ${path} is not valid JSON: ${(error as Error).message}`);
      }
    });
}

function predict(record: GoldRecord): GoldPrediction {
  const posting = normalizePosting({
    url: record.source_url,
    source: new URL(record.source_url).hostname,
    title: record.title,
    text: record.text,
    fetchedAt: record.fetched_at === undefined ? DEFAULT_FETCHED_AT : new Date(record.fetched_at),
  });
  return {
    salaryMin: posting.salary.min,
    salaryMax: posting.salary.max,
    currency: posting.salary.currency,
    salaryPeriod: posting.salary.period,
    region: posting.location.region,
    employmentType: posting.employmentType,
    educationLevel: posting.education.level,
    experienceMinYears: posting.experience.minYears,
    titleFamily: posting.titleFamily,
    skills: posting.skills.map((skill) => skill.name),
  };
}

function renderTable(score: GoldScore): string {
  // cli-table3 colours its borders and header by default; plain text keeps piped output and logs clean.
  const table = new Table({ head: ['field', 'accuracy'], style: { head: [], border: [] } });
  for (const field of SCORED_FIELDS) table.push([field, score.accuracy[field].toFixed(3)]);
  table.push(['skills precision', score.skills.precision.toFixed(3)], ['skills recall', score.skills.recall.toFixed(3)]);

  const misses = score.misses.map((miss) => `${miss.id}  ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)}`);
  return `${score.n} gold postings\n${table.toString()}\n\nmisses (${misses.length}):\n${misses.join('\n')}\n`;
}

main();
