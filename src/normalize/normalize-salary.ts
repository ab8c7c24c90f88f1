/**
 * The pay of a posting: amount range, currency, period and terms, from a whole posting text, a short
 * labelled value ("KSh 80-120K per month") or a JSON-LD `baseSalary`.
 */
import { findDates } from './find-dates.js';
import { findMoneyAmounts, type MoneyAmount } from './find-money-amounts.js';
import { parseJsonLdSalary } from './parse-json-ld-salary.js';
import { toPostingText, type PostingText } from './posting-text.js';
import type { SalaryPeriod } from './vocabulary.js';
import { collapseWhitespace } from './collapse-whitespace.js';

export type SalaryBasis = 'gross' | 'net' | 'basic';

export interface SalaryResult {
  min: number | null;
  max: number | null;
  /** ISO 4217 code. KES when an amount has no currency written, since the boards are Kenyan. */
  currency: string | null;
  period: SalaryPeriod | null;
  /** True when an amount is given, false when pay is explicitly withheld ("Confidential", "Competitive"), null when pay is not mentioned. */
  isDisclosed: boolean | null;
  /** Gross, net or basic, only when written. */
  basis: SalaryBasis | null;
  isNegotiable: boolean;
  /** True when the posting states that the pay includes commission. */
  hasCommission: boolean;
  /** True when the period is written, false when inferred from the amount's size, null without an amount. */
  isPeriodExplicit: boolean | null;
  /** The text the amount was read from, for review and for the salary text column. */
  evidence: string | null;
}

export interface NormalizeSalaryOptions {
  /** schema.org `baseSalary` from the posting's JSON-LD; it wins over the text when it has an amount. */
  baseSalary?: unknown;

  /** The pay as the site labelled it ("KSh 80-120K per month"); read before the text. */
  labelled?: string | null;
}

// A value of this length or less is a labelled field ("Less than 75,000"), where every number is the pay.
const LABELLED_VALUE_CHARS = 80;
const CONTEXT_CHARS = 60;
const OTHER_MONEY_CHARS = 30;

// The word nearest before an amount decides what the amount is: pay, an allowance, or other money.
const CONTEXT_WORD =
  /\b(?:(?<pay>salary|salaries|pay|paying|paid|remuneration|compensation|stipend|wages?|earn(?:ings?)?|fees?|package|rate|gross|net|basic|ctc|consolidated)|(?<allowance>allowances?)|(?<other>revenue|turnover|sales|targets?|budget|loans?|portfolio|capital|worth|valued|assets|deposits?|funds?|funding|grants?|scholarships?|prizes?|win|award|raised|investments?|profits?|costs?|price|rent|premiums?|transactions?|collections?|disburse\w*|float|limit))\b/gi;
// Counts and durations that follow a bare number: "3 years", "12 counties", "5 posts".
const NOT_MONEY_AFTER =
  /^\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|posts?|positions?|vacancies|people|staff|employees|customers|clients|counties|branches|st|nd|rd|th)\b/i;
const OTHER_MONEY_AFTER =
  /^[^.;]{0,20}?\b(?:(?:registration|application|processing|training|medical)\s+fees?|loans?|revenue|turnover|budget|in\s+sales|worth)\b/i;

const PERIOD_BEFORE: readonly [SalaryPeriod, RegExp][] = [
  ['monthly', /\b(?:monthly|per\s+month|a\s+month)\b/i],
  ['yearly', /\b(?:annual|annually|per\s+annum|yearly|p\.a\.)\b/i],
  ['hourly', /\b(?:hourly|per\s+hour)\b/i],
  ['daily', /\b(?:daily|per\s+day)\b/i],
  ['weekly', /\bweekly\b/i],
];
// A consultancy fee paid once for the whole assignment.
const ONE_TIME =
  /\bfee\b|lump[-\s]?sum|upon\s+(?:the\s+)?(?:successful\s+)?completion|for\s+the\s+(?:entire\s+|whole\s+)?(?:assignment|consultancy)|total\s+(?:contract\s+)?(?:fee|amount|value)/i;

// Each pattern sits behind lower-case words that must occur first, because a substring check is much cheaper.
// The first pattern needs a pay word and a withholding word, so its gate lists the rarer withholding words.
const WITHHELD: readonly [readonly string[], RegExp][] = [
  [
    ['confidential', 'negotiable', 'competitive', 'attractive', 'disclosed', 'specified', 'commensurate', 'prescribed', 'market', 'to be ', 'aligned'],
    /\b(?:salary|remuneration|pay|compensation|package|stipend)\b[\s:–-]{0,5}(?:\w+\s+){0,3}?(?:is\s+)?(?:confidential|negotiable|competitive|attractive|not\s+disclosed|undisclosed|not\s+specified|unspecified|commensurate|as\s+prescribed|market[-\s]related|to\s+be\s+(?:discussed|agreed|negotiated)|aligned\s+with)\b/i,
  ],
  [
    ['competitive', 'attractive', 'negotiable', 'market', 'handsome'],
    /\b(?:competitive|attractive|negotiable|market[-\s]related|handsome)\s+(?:base\s+|basic\s+|monthly\s+)?(?:salary|remuneration|pay|compensation|package)\b/i,
  ],
  [['prescribed'], /\bas\s+prescribed\s+by\s+(?:the\s+)?(?:SRC|Salaries\s+and\s+Remuneration\s+Commission)/i],
  [['commission'], /\bcommission[-\s](?:based|only)\b/i],
  // QUIRK(brightermonday): the header shows "KES Confidential", or a glued "…UtilitiesConfidentialShare link".
  [['confidential'], /\b(?:KES|KSh|USD)\s*Confidential\b|(?<=[a-z])Confidential(?=Share)/],
];
const WITHHELD_LABEL = /^\W*(?:KES|KSh|USD)?\s*(?:confidential|negotiable|competitive|attractive|not\s+disclosed|not\s+specified)\W*$/i;

const NEGOTIABLE = /(?<!non[-\s]?)\bnegotiable\b/i;
const COMMISSION = /\b(?:plus|\+|and|with|on)\s+commissions?\b|\bcommissions?\s+(?:based|only|on|structure|earnings)\b|\bcommission[-\s]based\b/i;
const BASIS: readonly [SalaryBasis, RegExp][] = [
  ['gross', /\bgross\b/i],
  ['net', /\bnet\b/i],
  ['basic', /\bbasic\b/i],
];

/** The result for a posting that does not mention pay; callers can use it as a fallback. */
export const NO_SALARY: Readonly<SalaryResult> = Object.freeze({
  min: null,
  max: null,
  currency: null,
  period: null,
  isDisclosed: null,
  basis: null,
  isNegotiable: false,
  hasCommission: false,
  isPeriodExplicit: null,
  evidence: null,
});

/**
 * Reads this job's pay from a posting text or a labelled value, ignoring sidebars, related jobs and
 * money that is not pay (revenue, loan targets, fees charged, allowances). A single amount gives
 * min = max, "KSh 120,000+" gives min only and "Less than 75,000" max only. Without a written period,
 * the period is inferred from the amount's size and `isPeriodExplicit` is false. It never throws on
 * any string (the tests feed it random text), because it only runs regular expressions and arithmetic.
 */
export function normalizeSalary(text: string | PostingText | null | undefined, options: NormalizeSalaryOptions = {}): SalaryResult {
  const { posting, lower } = joinLabelledValues(toPostingText(text), options);
  const isLabelledValue = posting.length <= LABELLED_VALUE_CHARS;

  const chosen = pickPayAmount(posting, isLabelledValue);
  const structured = parseJsonLdSalary(options.baseSalary);
  const withheld = findWithheld(posting, lower, isLabelledValue);
  const hasCommission = lower.includes('commission') && COMMISSION.test(posting);

  if (structured !== null) {
    const period = structured.period ?? inferPeriod(structured.currency ?? 'KES', structured.max ?? structured.min ?? 0);
    return {
      ...NO_SALARY,
      ...structured,
      currency: structured.currency ?? 'KES',
      period,
      isDisclosed: true,
      isNegotiable: chosen === null ? withheld !== null && NEGOTIABLE.test(withheld) : isNegotiableNear(posting, chosen),
      hasCommission,
      isPeriodExplicit: structured.period !== null,
    };
  }

  if (chosen === null) {
    if (withheld === null) return { ...NO_SALARY, hasCommission };
    return { ...NO_SALARY, isDisclosed: false, isNegotiable: NEGOTIABLE.test(withheld), hasCommission, evidence: withheld };
  }
  return describeAmount(posting, chosen, hasCommission);
}

/** Puts a JSON-LD salary written as text and the labelled value before the posting text, whitespace collapsed. */
function joinLabelledValues(text: PostingText, options: NormalizeSalaryOptions): { posting: string; lower: string } {
  const labelled = [options.baseSalary, options.labelled].filter((value): value is string => typeof value === 'string' && value !== '');
  if (labelled.length === 0) return { posting: text.text.trim(), lower: text.lower.trim() };

  const prefix = labelled.map(collapseWhitespace).join(' ');
  return { posting: `${prefix} ${text.text}`.trim(), lower: `${prefix.toLowerCase()} ${text.lower}`.trim() };
}

function describeAmount(posting: string, amount: MoneyAmount, hasCommission: boolean): SalaryResult {
  const before = posting.slice(Math.max(0, amount.start - CONTEXT_CHARS), amount.start);
  const after = posting.slice(amount.end, amount.end + 100);
  const currency = amount.currency ?? 'KES';

  const periodBefore = PERIOD_BEFORE.find(([, pattern]) => pattern.test(before.slice(-40)))?.[0] ?? null;
  const isOneTime = amount.period === null && periodBefore === null && (ONE_TIME.test(before) || ONE_TIME.test(after));
  const explicitPeriod = amount.period ?? periodBefore ?? (isOneTime ? 'one_time' : null);
  const period = explicitPeriod ?? inferPeriod(currency, amount.max ?? amount.min ?? 0);

  return {
    min: amount.min,
    max: amount.max,
    currency,
    period,
    isDisclosed: true,
    basis: findBasis(before.slice(-40), after.slice(0, 30)),
    isNegotiable: isNegotiableNear(posting, amount),
    hasCommission,
    isPeriodExplicit: explicitPeriod !== null,
    evidence: posting.slice(amount.start, amount.end).trim(),
  };
}

/** Returns the amount most likely to be this job's pay, or null when no amount qualifies. */
function pickPayAmount(posting: string, isLabelledValue: boolean): MoneyAmount | null {
  let best: { amount: MoneyAmount; score: number } | null = null;

  for (const amount of findMoneyAmounts(posting)) {
    const score = scorePayAmount(posting, amount, isLabelledValue);
    if (score !== null && (best === null || score > best.score)) best = { amount, score };
  }
  return best?.amount ?? null;
}

/** Scores how clearly an amount is pay; null rejects it. Ties go to the earlier amount. */
function scorePayAmount(posting: string, amount: MoneyAmount, isLabelledValue: boolean): number | null {
  const value = amount.max ?? amount.min ?? 0;
  if (value <= 0 || value > 1e8) return null;

  const after = posting.slice(amount.end, amount.end + 40);
  if (/^\s*%/.test(after) || OTHER_MONEY_AFTER.test(after)) return null;

  // A bare number must be pay-sized and not a count, year or date; these checks skip the context scan for most numbers.
  const looksLikeMoney = amount.currency !== null || amount.hasMultiplier;
  if (!looksLikeMoney && !isLabelledValue && (value < 1000 || isYear(amount) || NOT_MONEY_AFTER.test(after))) return null;

  const nearestWord = findNearestContextWord(clauseBefore(posting, amount.start));
  if (nearestWord === 'other' || nearestWord === 'allowance') return null;

  const isPayContext = nearestWord === 'pay' || isLabelledValue;
  if (!looksLikeMoney) {
    if (!isPayContext || NOT_MONEY_AFTER.test(after) || isYear(amount) || isInsideDate(posting, amount)) return null;
  }
  // "more than 7 million people", "over 10 million visitors": a multiplier alone is money only with a period or a pay word.
  if (amount.currency === null && amount.period === null && !isPayContext) return null;

  let score = 0;
  if (isPayContext) score += 4;
  if (amount.currency !== null) score += 2;
  if (amount.period !== null) score += 1;
  if (amount.min !== amount.max) score += 1;
  return score;
}

/** Returns up to CONTEXT_CHARS before `index`, from the start of its sentence, so a cue in an earlier sentence does not count. */
function clauseBefore(posting: string, index: number): string {
  const window = posting.slice(Math.max(0, index - CONTEXT_CHARS), index);
  const boundary = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '), window.lastIndexOf('• '));
  return boundary === -1 ? window : window.slice(boundary + 2);
}

function isYear(amount: MoneyAmount): boolean {
  return amount.min === amount.max && amount.min !== null && Number.isInteger(amount.min) && amount.min >= 1990 && amount.min <= 2100;
}

function isInsideDate(posting: string, amount: MoneyAmount): boolean {
  const around = posting.slice(Math.max(0, amount.start - 20), amount.end + 20);
  const offset = Math.max(0, amount.start - 20);
  return findDates(around).some((date) => date.index + offset <= amount.start && date.end + offset >= amount.end);
}

/**
 * Returns the kind of the context word nearest before an amount. Words for other money count only
 * within OTHER_MONEY_CHARS, so a board category such as "Sales" in a header does not hide the pay after it.
 */
function findNearestContextWord(before: string): 'pay' | 'allowance' | 'other' | null {
  let nearest: 'pay' | 'allowance' | 'other' | null = null;

  for (const match of before.matchAll(CONTEXT_WORD)) {
    if (match.groups?.pay !== undefined) nearest = 'pay';
    else if (match.groups?.allowance !== undefined) nearest = 'allowance';
    else nearest = before.length - match.index <= OTHER_MONEY_CHARS ? 'other' : null;
  }
  return nearest;
}

function findWithheld(posting: string, lower: string, isLabelledValue: boolean): string | null {
  if (isLabelledValue && WITHHELD_LABEL.test(posting)) return posting;

  for (const [gate, pattern] of WITHHELD) {
    if (!gate.some((word) => lower.includes(word))) continue;
    const found = pattern.exec(posting);
    if (found !== null) return found[0];
  }
  return null;
}

function isNegotiableNear(posting: string, amount: MoneyAmount): boolean {
  const around = posting.slice(Math.max(0, amount.start - 40), amount.end + 40);
  return NEGOTIABLE.test(around);
}

function findBasis(before: string, after: string): SalaryBasis | null {
  return (
    BASIS.find(([, pattern]) => pattern.test(before))?.[0] ?? BASIS.find(([, pattern]) => pattern.test(after))?.[0] ?? null
  );
}

/**
 * Infers the period of an amount written without one. Kenyan boards quote monthly pay, so mid-sized
 * amounts are monthly. NOTE: the thresholds are judgement, not measured: KES under 2,000 and other
 * currencies under 100 read as a daily or hourly rate, and amounts over 1.5 million KES or 20,000 in
 * other currencies as yearly.
 */
function inferPeriod(currency: string, value: number): SalaryPeriod {
  if (currency === 'KES') {
    if (value < 2000) return 'daily';
    return value > 1_500_000 ? 'yearly' : 'monthly';
  }
  if (value < 100) return 'hourly';
  return value > 20_000 ? 'yearly' : 'monthly';
}
