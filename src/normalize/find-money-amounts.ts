/**
 * Money amounts in posting text: "KSh 80-120K per month", "Kshs. 50,000/=", "$22.84/hour – $26.20/hour",
 * "50,000 Kenya shillings". Finding an amount does not make it this job's pay:
 * normalize-salary.ts decides that from the surrounding words.
 */
import type { SalaryPeriod } from './vocabulary.js';

export interface MoneyAmount {
  /** Offset of the first character, currency symbol included. */
  start: number;
  /** Offset just past the amount, its currency and its period. */
  end: number;
  /** Lower bound; null for "less than 75,000". */
  min: number | null;
  /** Upper bound; null for "KSh 120,000+". A single amount has min equal to max. */
  max: number | null;
  /** ISO 4217 code written next to the amount, or null when only a number is written. */
  currency: string | null;
  /** Period written next to the amount ("/month", "per annum"), or null. */
  period: SalaryPeriod | null;
  /** True when a "k", "m" or "million" multiplier was written, which marks the number as money. */
  hasMultiplier: boolean;
}

interface AmountPart {
  start: number;
  end: number;
  value: number;
  multiplier: number;
  currency: string | null;
  period: SalaryPeriod | null;
}

const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?![\d,]\d)/g;

// Matched against the 16 characters before a number. A glued "RangeKSh 30,000" has no word boundary
// before the K, so an upper-case K may follow a letter; "makes 5" must not read as KES 5.
const CURRENCY_BEFORE: readonly [string, RegExp][] = [
  ['KES', /(?:\b[Kk]|(?<=[a-z])K)\.?\s?[Ss][Hh][Ss]?\.?\s*[:-]?\s*$|(?:\b[Kk]|(?<=[a-z])K)[Ee][Ss]\s*[:-]?\s*$|\b[Ss][Hh][Ss]?\.?\s*$/],
  ['USD', /(?:\bUSD|\bUsd|\busd|US\s?\$|\$)\s*$/],
  ['EUR', /(?:\bEUR|€)\s*$/],
  ['GBP', /(?:\bGBP|£)\s*$/],
];
const CURRENCY_AFTER: readonly [string, RegExp][] = [
  ['KES', /^\s*(?:\/=|\/-|[Kk]enyan?\s+[Ss]hillings?\b|[Ss]hillings?\b|K[Ss][Hh][Ss]?\b|KES\b)/],
  ['USD', /^\s*(?:USD\b|US\s+[Dd]ollars\b|[Dd]ollars\b)/],
];

const MULTIPLIER = /^\s?(?<word>k|m|mn|million|thousand|bn|billion)(?![a-z])/i;
const PERIOD_AFTER =
  /^\s*(?:gross|net|basic)?\s*(?:(?:\/|\bper\b|\ba\b|\ban\b|\beach\b)\s*(?<unit>month|mo|annum|year|yr|hour|hr|day|week|wk)s?\b|(?<adverb>monthly|annually|yearly|hourly|daily|weekly|p\.\s?m\.|p\.\s?a\.))/i;
const RANGE_SEPARATOR = /^\s*(?:-|–|—|to|and)\s*$/i;

const PERIOD_BY_WORD: Readonly<Record<string, SalaryPeriod>> = {
  month: 'monthly',
  mo: 'monthly',
  monthly: 'monthly',
  'p.m.': 'monthly',
  annum: 'yearly',
  year: 'yearly',
  yr: 'yearly',
  annually: 'yearly',
  yearly: 'yearly',
  'p.a.': 'yearly',
  hour: 'hourly',
  hr: 'hourly',
  hourly: 'hourly',
  day: 'daily',
  daily: 'daily',
  week: 'weekly',
  wk: 'weekly',
  weekly: 'weekly',
};

const MULTIPLIER_BY_WORD: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

const MAX_BOUND_BEFORE = /(?:less\s+than|below|under|up\s+to|not\s+exceeding|not\s+more\s+than|maximum(?:\s+of)?|max\.?)\s*$/i;
const MIN_BOUND_BEFORE =
  /(?:\bfrom|at\s+least|minimum(?:\s+of)?|\bmin\.?|\babove|\bover|more\s+than|starting\s+(?:at|from)|not\s+less\s+than|upwards\s+of)\s*$/i;
const MIN_BOUND_AFTER = /^\s*(?:\+|and\s+above|or\s+more|and\s+over)/i;

/** Finds every money amount in `text`, merging "X - Y" into one range. Numbers without currency or multiplier are kept too. */
export function findMoneyAmounts(text: string): MoneyAmount[] {
  const parts = [...text.matchAll(NUMBER)].map((match) => readPart(text, match.index, match[0]));
  const amounts: MoneyAmount[] = [];

  for (let index = 0; index < parts.length; index++) {
    const low = parts[index];
    if (low === undefined) continue;

    const high = parts[index + 1];
    if (high !== undefined && RANGE_SEPARATOR.test(text.slice(low.end, high.start))) {
      amounts.push(toRange(text, low, high));
      index++;
    } else {
      amounts.push(toSingle(text, low));
    }
  }
  return amounts;
}

function readPart(text: string, numberStart: number, digits: string): AmountPart {
  let start = numberStart;
  let end = numberStart + digits.length;
  let currency: string | null = null;

  const before = text.slice(Math.max(0, numberStart - 16), numberStart);
  for (const [code, pattern] of CURRENCY_BEFORE) {
    const found = pattern.exec(before);
    if (found === null) continue;
    currency = code;
    start = numberStart - (before.length - found.index);
    break;
  }

  const multiplierMatch = MULTIPLIER.exec(text.slice(end, end + 12));
  const multiplier = multiplierMatch === null ? 1 : (MULTIPLIER_BY_WORD[multiplierMatch.groups?.word?.toLowerCase() ?? ''] ?? 1);
  if (multiplierMatch !== null) end += multiplierMatch[0].length;

  for (const [code, pattern] of CURRENCY_AFTER) {
    const found = pattern.exec(text.slice(end, end + 24));
    if (found === null) continue;
    currency ??= code;
    end += found[0].length;
    break;
  }

  const periodMatch = PERIOD_AFTER.exec(text.slice(end, end + 24));
  const periodWord = (periodMatch?.groups?.unit ?? periodMatch?.groups?.adverb ?? '').toLowerCase().replace(/\s/g, '');
  if (periodMatch !== null) end += periodMatch[0].length;

  const value = Number(digits.replace(/,/g, ''));
  return { start, end, value, multiplier, currency, period: PERIOD_BY_WORD[periodWord] ?? null };
}

function toRange(text: string, low: AmountPart, high: AmountPart): MoneyAmount {
  // "80-120K" writes the multiplier once, on the upper bound.
  const lowMultiplier = low.multiplier === 1 && high.multiplier !== 1 && low.value < 1000 ? high.multiplier : low.multiplier;
  const highMultiplier = high.multiplier === 1 && low.multiplier !== 1 && high.value < 1000 ? low.multiplier : high.multiplier;
  const min = round(low.value * lowMultiplier);
  const max = round(high.value * highMultiplier);
  const isMinOnly = MIN_BOUND_AFTER.test(text.slice(high.end, high.end + 12));

  return {
    start: low.start,
    end: high.end,
    min: Math.min(min, max),
    max: isMinOnly ? null : Math.max(min, max),
    currency: low.currency ?? high.currency,
    period: high.period ?? low.period,
    hasMultiplier: low.multiplier !== 1 || high.multiplier !== 1,
  };
}

function toSingle(text: string, part: AmountPart): MoneyAmount {
  const value = round(part.value * part.multiplier);
  const before = text.slice(Math.max(0, part.start - 24), part.start);
  const isMaxOnly = MAX_BOUND_BEFORE.test(before);
  const isMinOnly = !isMaxOnly && (MIN_BOUND_BEFORE.test(before) || MIN_BOUND_AFTER.test(text.slice(part.end, part.end + 12)));

  return {
    start: part.start,
    end: part.end,
    min: isMaxOnly ? null : value,
    max: isMinOnly ? null : value,
    currency: part.currency,
    period: part.period,
    hasMultiplier: part.multiplier !== 1,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
