/**
 * Posting and closing dates of a posting, as ISO dates in Africa/Nairobi time.
 */
import { findRelatedJobsBlock } from './cut-page-furniture.js';
import { findDates, NAIROBI_OFFSET_MS, parseDate, toNairobiDate, type FoundDate } from './find-dates.js';
import { toPostingText, type PostingText } from './posting-text.js';
import { collapseWhitespace } from './collapse-whitespace.js';

export interface DatesInput {
  /**
   * Raw posting text, or the posting text prepared from it. Standard Arena gives a posting's age only in its
   * related-jobs sidebar, so a string must be the text before furniture is stripped.
   */
  text?: string | PostingText | null;
  /** Labelled or JSON-LD posting date, in any format findDates reads. */
  datePosted?: string | null;
  /** Labelled or JSON-LD closing date (validThrough). */
  deadline?: string | null;
  /** When the page was fetched; relative ages ("6 days ago") count back from it. */
  fetchedAt: Date;
  /** The posting's title, used to find its own entry in a related-jobs sidebar. */
  title?: string | null;
}

export interface DatesResult {
  /** YYYY-MM-DD: the written posting date, or the date that `postedRelative` resolves to. */
  datePosted: string | null;
  /** YYYY-MM-DD application deadline. */
  deadline: string | null;
  /** The relative age exactly as written ("6 days ago", "Today"), or null. */
  postedRelative: string | null;
}

const HEADER_CHARS = 600;
const CUE_CHARS = 45;

// Cues in the words just before a date. Strong cues name the deadline; weak ones ("by", "before") only
// count when no strong one is found.
const STRONG_DEADLINE_CUE =
  /(?:closing\s+date|deadline|closes?\s+on|closing\s+on|on\s+or\s+before|(?:not|no)\s+later\s+than|last\s+date|valid\s*through|apply\s+by)\b[^.]{0,28}$/i;
const WEAK_DEADLINE_CUE = /(?:\bby|\bbefore|\buntil|\bdue(?:\s+on|\s+by)?|\bexpir\w*)\s*[:-]?\s*[^.\d]{0,14}$/i;
const POSTED_CUE = /(?:date\s+posted|posted(?:\s+on)?|published(?:\s+on)?|advertised(?:\s+on)?|date\s+of\s+advert|open\s+period)\s*[:-]?\s*[^.\d]{0,16}$/i;
const MONTH_FIRST_CUE = /open\s+period\s*:?\s*$/i;

// "6 days ago", "an hour ago", CareerJet's "30+ days ago", and BrighterMonday's "Today" and "Yesterday",
// which the glued page text may attach to the previous word ("ServicesToday").
const RELATIVE_AGE =
  /\b(?<count>\d{1,2}\+?|an?|one)\s+(?<unit>minute|min|hour|hr|day|week|month|year)s?\s+ago\b|(?<![A-Z])(?<word>Today|Yesterday|Just now)(?![a-z])/g;

const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7 };
const UNIT_MS: Readonly<Record<string, number>> = { minute: 60_000, min: 60_000, hour: 3_600_000, hr: 3_600_000 };

/**
 * Reads the posting date, the deadline and the relative age of a posting. Labelled values win over
 * the text. A relative age is kept as written and also resolved against `fetchedAt` in
 * Africa/Nairobi (UTC+3), which fills `datePosted` when no absolute posting date is written.
 * A deadline is taken as written even when it falls before the posting date, since that is
 * usually a typo in the advert that a reader can still judge.
 */
export function normalizeDates(input: DatesInput): DatesResult {
  const prepared = toPostingText(input.text);
  const posting = prepared.text;
  const rawText = prepared.raw;
  const dates = findDates(posting);

  const deadline = parseDate(input.deadline) ?? findDeadline(posting, dates);
  const postedRelative = findRelativeAge(posting, rawText, input.title ?? null);
  const writtenPostedDate = parseDate(input.datePosted) ?? findPostedDate(posting, dates);
  const datePosted = writtenPostedDate ?? (postedRelative === null ? null : resolveRelativeAge(postedRelative, input.fetchedAt));

  return { datePosted, deadline, postedRelative };
}

function findDeadline(posting: string, dates: FoundDate[]): string | null {
  const cueBefore = (date: FoundDate): string => posting.slice(Math.max(0, date.index - CUE_CHARS), date.index);

  const strong = dates.find((date) => STRONG_DEADLINE_CUE.test(cueBefore(date)));
  if (strong !== undefined) return strong.isoDate;
  return dates.find((date) => WEAK_DEADLINE_CUE.test(cueBefore(date)) && !POSTED_CUE.test(cueBefore(date)))?.isoDate ?? null;
}

function findPostedDate(posting: string, dates: FoundDate[]): string | null {
  for (const date of dates) {
    const before = posting.slice(Math.max(0, date.index - CUE_CHARS), date.index);
    if (!POSTED_CUE.test(before)) continue;

    // QUIRK(US embassy adverts): "Open Period: 12/01/2025 – 12/08/2025" is month first.
    if (MONTH_FIRST_CUE.test(before)) return findDates(posting.slice(date.index, date.end), { isMonthFirst: true })[0]?.isoDate ?? null;
    return date.isoDate;
  }

  // QUIRK(jobwebkenya): the text starts with the posting date, "29 Sep 2023 National Assessment Coordinator at …".
  const leading = dates[0];
  return leading !== undefined && posting.slice(0, leading.index).trim() === '' ? leading.isoDate : null;
}

function findRelativeAge(posting: string, rawText: string, title: string | null): string | null {
  const inHeader = firstRelativeAge(posting.slice(0, HEADER_CHARS));
  if (inHeader !== null) return inHeader;
  return findOwnSidebarAge(rawText, posting.slice(0, HEADER_CHARS), title);
}

/**
 * Finds the posting's own entry in a Standard Arena related-jobs sidebar and returns its age.
 * Entries read "<Title> at <Company> <Company> <Place> … <Type> 3 hours ago"; an entry is this
 * posting's when its title equals `title`, or, without a title, when the page header contains it.
 */
function findOwnSidebarAge(rawText: string, header: string, title: string | null): string | null {
  const sidebar = collapseWhitespace(findRelatedJobsBlock(rawText));
  const ownTitle = title?.trim().toLowerCase() ?? null;
  const lowerHeader = header.toLowerCase();
  let entryStart = 0;

  for (const age of sidebar.matchAll(RELATIVE_AGE)) {
    const entry = sidebar.slice(entryStart, age.index).replace(/^.*?Showing\s+\d+\s*-\s*\d+\s+of\s+\d+\s+jobs\s*/i, '');
    entryStart = age.index + age[0].length;

    const lowerEntry = entry.replace(/^\s*Load more listings\s*/i, '').trim().toLowerCase();
    const entryTitle = lowerEntry.split(' at ')[0]?.trim() ?? '';
    if (entryTitle.length < 3) continue;

    // Board titles may include the employer ("Workshop Supervisor at Excelon Limited"), like the entries.
    const isOwnEntry = ownTitle !== null ? entryTitle === ownTitle || lowerEntry.startsWith(ownTitle) : lowerHeader.includes(entryTitle);
    if (isOwnEntry) return age[0];
  }
  return null;
}

function firstRelativeAge(text: string): string | null {
  RELATIVE_AGE.lastIndex = 0;
  return RELATIVE_AGE.exec(text)?.[0] ?? null;
}

/** Resolves a relative age such as "3 hours ago" or "Yesterday" to a Nairobi calendar date. */
export function resolveRelativeAge(phrase: string, fetchedAt: Date): string | null {
  RELATIVE_AGE.lastIndex = 0;
  const groups = RELATIVE_AGE.exec(phrase)?.groups;
  if (groups === undefined) return null;

  const word = groups.word?.toLowerCase();
  if (word !== undefined) return shiftDays(fetchedAt, word === 'yesterday' ? -1 : 0);

  const count = /^\d/.test(groups.count ?? '') ? Number.parseInt(groups.count ?? '', 10) : 1;
  const unit = (groups.unit ?? '').toLowerCase();
  const unitMs = UNIT_MS[unit];
  if (unitMs !== undefined) return toNairobiDate(new Date(fetchedAt.getTime() - count * unitMs));

  const unitDays = UNIT_DAYS[unit];
  if (unitDays !== undefined) return shiftDays(fetchedAt, -count * unitDays);
  return shiftMonths(fetchedAt, unit === 'year' ? -12 * count : -count);
}

function shiftDays(fetchedAt: Date, days: number): string {
  return toNairobiDate(new Date(fetchedAt.getTime() + days * 86_400_000));
}

/** Moves back whole calendar months in Nairobi time, clamping the day to the target month's length. */
function shiftMonths(fetchedAt: Date, months: number): string {
  const local = new Date(fetchedAt.getTime() + NAIROBI_OFFSET_MS);
  const target = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(local.getUTCDate(), lastDay));
  return target.toISOString().slice(0, 10);
}
