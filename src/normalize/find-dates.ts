/**
 * Absolute calendar dates as Kenyan postings write them: "19 Dec 2023", "19th December, 2023",
 * "31 May. 2024", "Friday, December 19 2025", "March 4, 2026", "02/Mar/2026", "2023-12-19",
 * "2026-07-22T10:45:32+01:00" and day-first "19/12/2023". Results are ISO dates (YYYY-MM-DD).
 */

export interface FoundDate {
  /** Offset of the first character of the date. */
  index: number;
  /** Offset just past the date. */
  end: number;
  /** The date as YYYY-MM-DD, in Africa/Nairobi time when the source had a time and offset. */
  isoDate: string;
}

/** Milliseconds to add to UTC for Africa/Nairobi, which is UTC+3 all year (Kenya has no daylight saving). */
export const NAIROBI_OFFSET_MS = 3 * 60 * 60 * 1000;

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;

const DATE = new RegExp(
  [
    String.raw`(?<isoYear>\d{4})-(?<isoMonth>\d{1,2})-(?<isoDay>\d{1,2})(?:[T\s](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s?(?<zone>Z|[+-]\d{2}:?\d{2})?)?`,
    String.raw`(?<dmyDay>\d{1,2})${ORDINAL}(?:\s+of)?[\s\-/.]*(?<dmyMonth>${MONTH})[\s,.\-/]*(?<dmyYear>\d{4})`,
    String.raw`(?<mdyMonth>${MONTH})\s+(?<mdyDay>\d{1,2})${ORDINAL},?\s*(?<mdyYear>\d{4})`,
    String.raw`(?<numFirst>\d{1,2})[/.](?<numSecond>\d{1,2})[/.](?<numYear>\d{4})`,
  ]
    .map((source) => `(?<![\\d\\w])(?:${source})(?!\\d)`)
    .join('|'),
  'gi',
);

const MONTH_NUMBER: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export interface FindDatesOptions {
  /** Reads numeric dates as month first (US style, "12/08/2025"); day first otherwise, as in Kenya. */
  isMonthFirst?: boolean;
}

/** Finds every valid absolute date in `text`, in text order. */
export function findDates(text: string, options: FindDatesOptions = {}): FoundDate[] {
  const dates: FoundDate[] = [];

  for (const match of text.matchAll(DATE)) {
    const isoDate = toIsoDate(match.groups ?? {}, options.isMonthFirst ?? false);
    if (isoDate !== null) dates.push({ index: match.index, end: match.index + match[0].length, isoDate });
  }
  return dates;
}

/** Parses a labelled date value such as "2023-12-19", "19 Dec 2023" or an ISO timestamp; returns null when the value contains no date. */
export function parseDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return findDates(value.slice(0, 200))[0]?.isoDate ?? null;
}

/** Formats an instant as its calendar date in Africa/Nairobi. */
export function toNairobiDate(instant: Date): string {
  return new Date(instant.getTime() + NAIROBI_OFFSET_MS).toISOString().slice(0, 10);
}

function toIsoDate(groups: Record<string, string | undefined>, isMonthFirst: boolean): string | null {
  if (groups.isoYear !== undefined) {
    if (groups.time !== undefined && groups.zone !== undefined) {
      const instant = new Date(`${groups.isoYear}-${pad(groups.isoMonth)}-${pad(groups.isoDay)}T${groups.time}${normalizeZone(groups.zone)}`);
      return Number.isNaN(instant.getTime()) ? null : toNairobiDate(instant);
    }
    return buildDate(Number(groups.isoYear), Number(groups.isoMonth), Number(groups.isoDay));
  }
  if (groups.dmyYear !== undefined) {
    return buildDate(Number(groups.dmyYear), monthNumber(groups.dmyMonth), Number(groups.dmyDay));
  }
  if (groups.mdyYear !== undefined) {
    return buildDate(Number(groups.mdyYear), monthNumber(groups.mdyMonth), Number(groups.mdyDay));
  }

  const first = Number(groups.numFirst);
  const second = Number(groups.numSecond);
  const year = Number(groups.numYear);
  // A part above 12 can only be the day, whatever the convention.
  const isFirstTheMonth = first <= 12 && (isMonthFirst || second > 12);
  return isFirstTheMonth ? buildDate(year, first, second) : buildDate(year, second, first);
}

function buildDate(year: number, month: number, day: number): string | null {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return null;

  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string | undefined): number {
  return MONTH_NUMBER[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

function normalizeZone(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

function pad(value: string | undefined): string {
  return (value ?? '').padStart(2, '0');
}
