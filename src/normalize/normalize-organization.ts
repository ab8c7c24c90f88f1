/**
 * Employer names: a display form and a matching key, and a best-effort search for the employer in
 * legacy page text that has no labelled employer field.
 */
import { collapseWhitespace } from './collapse-whitespace.js';

export interface NormalizedOrganization {
  /** The name as displayed, with spacing and trailing punctuation tidied. */
  name: string;
  /** Key for matching one employer across spellings: "The Acme Co. Ltd" and "ACME Limited" both give "acme". */
  nameKey: string;
}

// Placeholders that boards show instead of an employer.
const PLACEHOLDER_KEYS = new Set(['anonymous employer', 'anonymous', 'confidential', 'confidential employer', 'undisclosed', 'not disclosed', 'n a', 'na']);

// Legal-form words removed from the end of the key, repeatedly: "Acme (K) Co. Ltd" loses "ltd", "co" and "k".
const LEGAL_SUFFIX = /\s+(?:ltd|limited|plc|co|company|inc|incorporated|llc|llp|l l c|corp|corporation|k|gmbh|sa|bv|pty)$/;

const LABELLED_EMPLOYER =
  /(?:^|[\s\]]|(?<=[a-z]))(?:Company|Employer|Organi[sz]ation|Hiring\s+Organi[sz]ation|Jobs\s+at)\s*:\s*(?<name>[^\n|:]{2,90}?)(?=\s*(?:Location|State|Job\s*type|Duty\s+Station|Deadline|Industry|Work\s+Location|Reports?\s+to|Job\s+Summary|Job\s+Description)\b|\s*[\n|]|$)/;
const HEADING_EMPLOYER = /\bat\s+(?<name>[A-Z][\w&.,'’()-]*(?:\s+(?:[A-Z(][\w&.,'’()-]*|of|for|and|&|de|du|la|the|in))*)/;
const HIRING_EMPLOYER =
  /(?<name>(?:[A-Z][\w&.'’()-]*\s+){0,6}?[A-Z][\w&.'’()-]*)\s+(?:is\s+(?:looking\s+for|seeking|hiring|recruiting)|seeks\s+to\s+recruit|wishes\s+to\s+recruit|invites\s+applications)\b/;

// Capitalised words that start the text after an employer name in headings ("… at Excelon Limited About the Company").
const HEADING_STOP_WORDS = new Set(['About', 'Recruit', 'Job', 'Jobs', 'Vacancy', 'Location', 'Company', 'Deadline', 'Careers', 'Apply', 'Summary', 'Duty']);
const NOT_AN_EMPLOYER = new Set(['our client', 'we', 'the company', 'the council', 'the organization', 'the organisation', 'client', 'company', 'the board', 'the bank']);

const HEADER_CHARS = 400;

/** Tidies an employer name and builds its matching key; returns null for empty names and placeholders such as "Anonymous Employer". */
export function normalizeOrganization(name: string | null | undefined): NormalizedOrganization | null {
  if (name === null || name === undefined) return null;

  const display = name.replace(/\s+/g, ' ').replace(/^[\s,.;:|–-]+|[\s,;:|–-]+$/g, '').trim();
  const nameKey = toNameKey(display);
  if (nameKey === '' || PLACEHOLDER_KEYS.has(nameKey)) return null;
  return { name: display, nameKey };
}

/**
 * Finds the employer in page text without a labelled employer field, trying in turn: a labelled line
 * ("Company: X", "Jobs at: X", "Employer: X"), the line after the title in BrighterMonday's header,
 * the heading "<Title> at <Employer>", and "X is looking for". Returns the name as written, or null.
 */
export function findOrganizationInText(text: string | null | undefined, title?: string | null): string | null {
  const head = (text ?? '').slice(0, 3000);

  const labelled = LABELLED_EMPLOYER.exec(head)?.groups?.name;
  if (labelled !== undefined && normalizeOrganization(labelled) !== null) return tidy(labelled);

  const fromHeader = findInHeaderLines(head, title ?? null);
  if (fromHeader !== null) return fromHeader;

  const fromHeading = findInHeading(collapseWhitespace(head.slice(0, HEADER_CHARS)), title ?? null);
  if (fromHeading !== null) return fromHeading;

  const hiring = HIRING_EMPLOYER.exec(collapseWhitespace(head))?.groups?.name;
  if (hiring !== undefined && !NOT_AN_EMPLOYER.has(hiring.toLowerCase())) return tidy(hiring);
  return null;
}

/** QUIRK(brightermonday): older pages put the title and then the employer on lines of their own. */
function findInHeaderLines(head: string, title: string | null): string | null {
  const lines = head
    .slice(0, HEADER_CHARS)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length < 4 || lines.slice(0, 4).some((line) => line.length > 120)) return null;

  const titleIndex = title === null ? -1 : lines.findIndex((line) => line.toLowerCase() === title.trim().toLowerCase());
  let candidate = lines[titleIndex + 1];
  if (titleIndex === -1) candidate = title === null ? lines[1] : undefined;
  if (candidate === undefined || candidate.length > 80) return null;
  return normalizeOrganization(candidate) === null ? null : tidy(candidate);
}

function findInHeading(head: string, title: string | null): string | null {
  const start = title === null ? 0 : head.toLowerCase().indexOf(`${title.trim().toLowerCase()} at `);
  if (start === -1) return null;

  const name = HEADING_EMPLOYER.exec(head.slice(start))?.groups?.name;
  if (name === undefined) return null;

  const words = name.split(' ');
  const stop = words.findIndex((word, index) => index > 0 && HEADING_STOP_WORDS.has(word));
  const employer = (stop === -1 ? words : words.slice(0, stop)).join(' ');
  return normalizeOrganization(employer) === null ? null : tidy(employer);
}

function toNameKey(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\(\s*[a-z]{2,10}\s*\)\s*$/, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the\s+/, '');

  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(LEGAL_SUFFIX, '');
  }
  return key;
}

function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/[\s,.;:|–-]+$/, '').trim();
}
