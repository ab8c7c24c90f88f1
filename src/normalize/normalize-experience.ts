/**
 * Years of work experience a posting requires, from its text and the board's experience facet.
 */
import { COUNT_SOURCE, parseCount } from './parse-count.js';
import { matchNearLiterals } from './match-near-literals.js';
import { toPostingText, type PostingText } from './posting-text.js';
import { collapseWhitespace } from './collapse-whitespace.js';

export interface ExperienceResult {
  /** Minimum years; months are divided by 12. 0 when the posting requires no experience. */
  minYears: number | null;
  /** Maximum years of a stated range ("3-5 years" gives 5); null for "at least" and single values. */
  maxYears: number | null;
}

interface YearsRange {
  min: number;
  max: number | null;
}

const RANGE = `(?<low>${COUNT_SOURCE})(?:\\s*(?:-|–|—|to)\\s*(?<high>${COUNT_SOURCE}))?(?<plus>\\s*\\+)?`;
const UNIT = `(?<unit>years?|yrs?\\.?|months?)`;
const CUE = `(?<cue>at\\s+least|(?:a\\s+)?minimum\\s+period\\s+of|a\\s+period\\s+of|a\\s+minimum\\s+of|minimum\\s+of|minimum|min\\.?|not\\s+less\\s+than|over|more\\s+than|above)`;

// Board facets, often glued to the previous field ("HNDExperience5 years"), hence no word boundary:
// "Experience: 3 – 5 years", MyJobMag's glued "Experience7 - 10 years",
// BrighterMonday's "Experience Length: 3 years", Standard Arena's "Experience 0-2 Years".
const FACET_RANGE = new RegExp(`Experience(?:\\s*Length)?\\s*:?\\s*${RANGE}\\s*${UNIT}`, 'gi');
// Global South Opportunities: "Experience in Months: 12".
const FACET_MONTHS = /Experience\s+in\s+Months\s*:?\s*(?<months>\d{1,3})\b/gi;
const FACET_NONE = /Experience(?:\s*Length)?\s*:?\s*(?<none>No\s+Experience|Less\s+than\s+(?:1|one)\s+year|None)/gi;

// "3-5 years' experience", "at least 2 years relevant sales experience", "1-2 years of program monitoring and evaluation experience".
const YEARS_THEN_EXPERIENCE = new RegExp(
  `(?:${CUE}\\s*)?${RANGE}\\s*${UNIT}['’\`]?s?\\s*(?:of\\s+)?(?:[\\w&/,-]+\\s+){0,6}?experience`,
  'gi',
);
// "experience in management for a period of not less than five (5) years".
const EXPERIENCE_THEN_YEARS = new RegExp(
  `experience\\b(?<between>[^.;•:]{0,60}?)(?:${CUE}\\s*)?${RANGE}\\s*${UNIT}`,
  'gi',
);
// "At least 8 years in the tech industry": a cue is required because the word experience is missing.
const CUE_THEN_YEARS = new RegExp(`${CUE}\\s*${RANGE}\\s*${UNIT}\\s+(?:in|of|working|post|as|with|within)\\b`, 'gi');

// Window sizes around each unit word. After the unit, six ordinary words and "experience" usually fit
// in 90 characters. Before it, "experience", the 60-character gap and a cue fit in 110.
const UNIT_WORD = /years?|yrs?|months?/gi;
const WINDOW_BEFORE_UNIT = 110;
const WINDOW_AFTER_UNIT = 90;

// Kenyan public-service adverts: "Served for a minimum period of fifteen (15) years, three (3) of which …".
const SERVICE_YEARS = new RegExp(`\\b(?:served|worked)\\s+(?:for\\s+)?(?:${CUE}\\s*)?${RANGE}\\s*${UNIT}`, 'gi');

const ALL_PATTERNS = [YEARS_THEN_EXPERIENCE, EXPERIENCE_THEN_YEARS, CUE_THEN_YEARS, SERVICE_YEARS];
const PATTERNS_WITHOUT_EXPERIENCE = [CUE_THEN_YEARS, SERVICE_YEARS];

const NO_EXPERIENCE = /\bno\s+(?:prior\s+|previous\s+|work\s+)?experience(?:\s+(?:is\s+)?(?:required|needed|necessary))?\b/i;

// Ages ("aged 18-35 years") and the employer's own history are not requirements.
const AGE_CONTEXT = /\bage[ds]?\b|\byears?\s+(?:old|of\s+age)\b/i;
const EMPLOYER_CONTEXT = /\b(?:combined|founded|established|in\s+existence|in\s+operation|history)\b/i;
const EMPLOYER_SUBJECT = /\b(?:company|firm|organi[sz]ation|we|our)\b/i;
const CANDIDATE_SUBJECT = /\b(?:candidate|applicant|you|must|should|require[ds]?|ideal|minimum|at\s+least)\b/i;

/**
 * Parses the years of experience a posting requires. The body's first requirement wins over the
 * board facet ("Experience: 3 – 5 years"); `labelled` is that facet when an adapter extracted it.
 * When the body gives only a minimum that equals the facet's minimum, the facet's maximum is kept.
 */
export function normalizeExperience(text: string | PostingText | null | undefined, labelled?: string | null): ExperienceResult {
  const { text: posting, lower } = toPostingText(text);
  const mentionsExperience = lower.includes('experience');
  const { facets, body } = mentionsExperience ? splitFacets(posting, lower) : { facets: [], body: posting };
  const facet = parseLabelledExperience(labelled) ?? facets[0] ?? null;
  const stated = findBodyExperience(body, mentionsExperience);

  if (stated === null) return toResult(facet);
  if (stated.max === null && facet !== null && facet.min === stated.min && facet.max !== null) {
    return { minYears: stated.min, maxYears: facet.max };
  }
  return toResult(stated);
}

/** Parses a short facet value such as "2 - 4 years", "1 year", "No Experience" or "Less than 1 year". */
function parseLabelledExperience(labelled: string | null | undefined): YearsRange | null {
  if (labelled === null || labelled === undefined || labelled.trim() === '') return null;
  const value = `Experience: ${collapseWhitespace(labelled)}`;
  return splitFacets(value, value.toLowerCase()).facets[0] ?? null;
}

/** Every facet pattern starts with the word "Experience", so the scans start at that word. */
function splitFacets(posting: string, lower: string): { facets: YearsRange[]; body: string } {
  const found: { index: number; end: number; range: YearsRange }[] = [];

  for (const match of matchNearLiterals(posting, lower, FACET_RANGE, ['experience'], 0)) {
    const range = toYears(match.groups ?? {});
    if (range !== null) found.push({ index: match.index, end: match.index + match[0].length, range });
  }
  for (const match of matchNearLiterals(posting, lower, FACET_MONTHS, ['experience'], 0)) {
    const months = Number(match.groups?.months);
    found.push({ index: match.index, end: match.index + match[0].length, range: { min: roundYears(months / 12), max: null } });
  }
  for (const match of matchNearLiterals(posting, lower, FACET_NONE, ['experience'], 0)) {
    const isUnderOneYear = /less/i.test(match.groups?.none ?? '');
    found.push({ index: match.index, end: match.index + match[0].length, range: { min: 0, max: isUnderOneYear ? 1 : null } });
  }
  found.sort((a, b) => a.index - b.index);

  let body = '';
  let cursor = 0;
  for (const facet of found) {
    if (facet.index < cursor) continue;
    body += `${posting.slice(cursor, facet.index)} | `;
    cursor = facet.end;
  }
  body += posting.slice(cursor);
  return { facets: found.map((facet) => facet.range), body };
}

/** `mentionsExperience` false lets the scan skip every pattern that needs the word "experience". */
function findBodyExperience(body: string, mentionsExperience: boolean): YearsRange | null {
  const candidates: { index: number; range: YearsRange }[] = [];

  for (const window of findUnitWindows(body)) {
    const text = body.slice(window.start, window.end);
    for (const pattern of mentionsExperience ? ALL_PATTERNS : PATTERNS_WITHOUT_EXPERIENCE) {
      for (const match of text.matchAll(pattern)) {
        const index = window.start + match.index;
        if (!isRequirement(body, index, match)) continue;
        const range = toYears(match.groups ?? {});
        if (range !== null && !candidates.some((candidate) => candidate.index === index)) candidates.push({ index, range });
      }
    }
  }

  const none = mentionsExperience ? NO_EXPERIENCE.exec(body) : null;
  if (none !== null) candidates.push({ index: none.index, range: { min: 0, max: null } });

  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.range ?? null;
}

/**
 * Returns the stretches of `body` around each "year" or "month", merged where they overlap. Every
 * requirement pattern contains such a unit, so scanning only these stretches finds the same matches
 * at a fraction of the cost on long postings.
 */
function findUnitWindows(body: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];

  for (const unit of body.matchAll(UNIT_WORD)) {
    const start = Math.max(0, body.lastIndexOf(' ', Math.max(0, unit.index - WINDOW_BEFORE_UNIT)));
    const end = Math.min(body.length, unit.index + WINDOW_AFTER_UNIT);
    const last = windows.at(-1);
    if (last !== undefined && start <= last.end) last.end = end;
    else windows.push({ start, end });
  }
  return windows;
}

function isRequirement(body: string, index: number, match: RegExpMatchArray): boolean {
  const before = sentenceBefore(body, index);
  const after = body.slice(index + match[0].length, index + match[0].length + 40);

  if (AGE_CONTEXT.test(match.groups?.between ?? '') || /^\s*(?:old|of\s+age)\b/i.test(after) || /\bage[ds]?\s*$/i.test(before)) {
    return false;
  }
  if (EMPLOYER_CONTEXT.test(match[0]) || EMPLOYER_CONTEXT.test(before) || /^[^.;•]{0,25}\bcombined\b/i.test(after)) return false;
  return !(EMPLOYER_SUBJECT.test(before) && !CANDIDATE_SUBJECT.test(before) && !CANDIDATE_SUBJECT.test(match[0]));
}

/** Returns up to 80 characters before `index`, from the start of the sentence that contains it. */
function sentenceBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 80), index);
  const boundary = Math.max(window.lastIndexOf('. '), window.lastIndexOf('•'), window.lastIndexOf(';'));
  return boundary === -1 ? window : window.slice(boundary + 1);
}

function toYears(groups: Record<string, string | undefined>): YearsRange | null {
  const low = groups.low === undefined ? null : parseCount(groups.low);
  if (low === null) return null;

  const high = groups.high === undefined ? null : parseCount(groups.high);
  const perYear = /^month/i.test(groups.unit ?? '') ? 1 / 12 : 1;
  const min = roundYears(low * perYear);
  const max = high === null || high < low ? null : roundYears(high * perYear);
  if (min > 50) return null;
  return { min, max };
}

function roundYears(years: number): number {
  return Math.round(years * 100) / 100;
}

function toResult(range: YearsRange | null): ExperienceResult {
  return range === null ? { minYears: null, maxYears: null } : { minYears: range.min, maxYears: range.max };
}
