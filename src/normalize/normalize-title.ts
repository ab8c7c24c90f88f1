/**
 * Normalizes a job title: strips board noise (employer, places, post counts, grades,
 * employment words), classifies it into a title family, derives a lower-case canonical
 * occupation label and a seniority level.
 */
import { findPlaces } from './kenya-places.js';
import { phraseKey } from './phrase-matcher.js';
import { findFamilyCues, pickFamily, pickFamilyByFrequency } from './title-family-cues.js';
import type { Seniority, TitleFamily } from './vocabulary.js';

export interface LearnedTitleAlias {
  family: TitleFamily;
  canonical: string;
}

export interface TitleOptions {
  /** Posting body; consulted only when the title names no occupation ("Intern", "Vacancy"). */
  text?: string | null;

  /** Minimum years of experience asked for; decides seniority when the title has no level word. */
  experienceYears?: number | null;
  employmentType?: string | null;

  /** Accepted aliases learned from earlier postings, keyed by `phraseKey` of the canonical or cleaned title. */
  aliases?: ReadonlyMap<string, LearnedTitleAlias>;
}

export interface NormalizedTitle {
  family: TitleFamily | null;
  canonical: string | null;
  seniority: Seniority;

  /** 0–1: 0.95 learned alias, 0.9 strong title cue, 0.6 weak cue, 0.4 read from the body, 0.2 generic noun. */
  confidence: number;

  /** True when the advert lists several different positions; family and canonical are then null. */
  isMultiPosition: boolean;
}

const CONFIDENCE = { alias: 0.95, strong: 0.9, weak: 0.6, body: 0.4, generic: 0.2 } as const;
const BODY_SCAN_CHARS = 3000;

const EMPLOYER = /\s+at\s+(?=[A-Z0-9])[\s\S]*$/;
const FILE_EXTENSION = /\s*\.(?:pdf|docx?)\s*$/i;
const POST_COUNT = /\(?\s*(?:x\s*\d+|\d+\s*(?:posts?|positions?|vacancies|slots|openings))\s*\)?/gi;
const EMPLOYMENT_WORDS =
  /\(?\b(?:re-?advertised|re-?advertisement|urgent(?:ly)?|fixed[-\s]term|short[-\s]term|maternity\s+cover|temporary|contract|part[-\s]time|full[-\s]time|remote|hybrid|on-?site|immediate\s+start|new)\b\)?:?/gi;
const GRADES =
  /\b(?:[IV]{1,4}(?:\s*[/&]\s*[IV]{1,4})*|P\d{1,2}|G\d{1,2}|NCP?D\s*\d+|Job\s+Group\s+[A-Z]\b|Grade\s+[\w-]+|Scale\s+(?:[A-Z]+\s+)?\d+|Level\s+\d+(?:\s*(?:&|and|-)\s*\d+)?)\b/g;
const REFERENCE = /\bref(?:erence)?\.?\s*(?:no\.?|number)?\s*:?\s*[A-Z0-9/-]*\d[A-Z0-9/-]*\b/gi;
const ADVERT_CODE = /\b[A-Z]{2,}(?:\/[A-Z0-9.-]+)*\/[A-Z0-9.-]*\d[A-Z0-9.-]*\b/g;
const PARENTHESES = /\(([^()]*)\)/g;
const LEADING_YEAR = /^\s*(?:19|20)\d{2}\b/;
const VACANCY_WORDS = /\b(?:job\s+vacancy|vacancy|vacancies|job\s+opening|career\s+opportunity|employment\s+opportunity|we['’]re\s+hiring|hiring|position|job)\b:?/gi;
const SEGMENT_SEPARATOR = /\s+-\s+|(?<=\p{L})-\s+|\s*[–—]\s*|\s*:\s+|\s*\|\s*/u;
const MULTI_POSITION = /\b(?:vacancies|multiple\s+positions|various\s+positions|several\s+positions|jobs|recruitment\s+drive|positions\s+open)\b/i;
// Level words dropped from the canonical label; "chief" stays in "chief executive officer" and similar offices.
const SENIORITY_MODIFIERS = /\b(?:senior|snr|sr|junior|jnr|jr|lead|chief(?!\s+(?:executive|operating|financial|finance|technology|information|officer|of\b)))\b\.?(?=\s+\S)/gi;
const LEVEL_PHRASES = /\b(?:entry[-\s]level|mid[-\s]level|intermediate)\b/gi;
const GENERIC_HEADS = new Set(['officer', 'manager', 'assistant', 'intern', 'associate', 'specialist', 'coordinator', 'consultant', 'supervisor', 'director']);

/** Normalizes one job title; never throws, and returns family null for an empty title. */
export function normalizeTitle(title: string | null, options: TitleOptions = {}): NormalizedTitle {
  const withoutEmployer = (title ?? '').replace(FILE_EXTENSION, '').replace(EMPLOYER, '').trim();
  const seniority = detectSeniority(withoutEmployer, options);
  const isMultiPosition = MULTI_POSITION.test(withoutEmployer);
  if (withoutEmployer.length === 0 || isMultiPosition) {
    return { family: null, canonical: null, seniority, confidence: 0, isMultiPosition };
  }

  const cleaned = cleanTitle(withoutEmployer);
  const canonical = canonicalize(cleaned);
  const alias = options.aliases?.get(phraseKey(canonical)) ?? options.aliases?.get(phraseKey(cleaned));
  if (alias !== undefined) {
    return { family: alias.family, canonical: alias.canonical, seniority, confidence: CONFIDENCE.alias, isMultiPosition };
  }

  const { family, confidence } = classify(cleaned, options);
  return { family, canonical: canonical.length > 0 ? canonical : null, seniority, confidence, isMultiPosition };
}

function classify(cleaned: string, options: TitleOptions): { family: TitleFamily | null; confidence: number } {
  const picked = pickFamily(findFamilyCues(cleaned));
  if (picked !== null && picked.tier !== 'generic') return { family: picked.family, confidence: CONFIDENCE[picked.tier] };

  // The title names no field ("Intern", "VWF iCSC"): volunteers are programme staff, otherwise the body decides.
  if (options.employmentType === 'volunteer') return { family: 'programs_development', confidence: CONFIDENCE.body };
  // Read through maxChars rather than a slice, so the body's cached tokenization is reused.
  const fromBody = pickFamilyByFrequency(findFamilyCues(options.text ?? '', BODY_SCAN_CHARS));
  if (fromBody !== null) return { family: fromBody, confidence: CONFIDENCE.body };

  if (picked !== null) return { family: picked.family, confidence: CONFIDENCE.generic };
  return { family: null, confidence: 0 };
}

/** Removes everything that is not the occupation: post counts, grades, references, places, employment words. */
export function cleanTitle(title: string): string {
  const stripped = title
    .replace(LEADING_YEAR, ' ')
    .replace(POST_COUNT, ' ')
    .replace(REFERENCE, ' ')
    .replace(ADVERT_CODE, ' ')
    .replace(PARENTHESES, (group: string, inner: string) => (isPlaceOnly(inner) ? ' ' : ` ${inner} `))
    .replace(GRADES, ' ')
    .replace(EMPLOYMENT_WORDS, ' ')
    .replace(VACANCY_WORDS, ' ');

  const segments = stripped
    .split(SEGMENT_SEPARATOR)
    .map((segment) => segment.replace(/\s+/g, ' ').replace(/^[\s,;/&-]+|[\s,;/&-]+$/g, ''))
    .filter((segment) => segment.length > 0 && !isPlaceOnly(segment));

  const [first, second] = segments;
  if (first === undefined) return '';

  // "Officer – Community Empowerment", "Intern – Knowledge Management": the field follows the generic noun.
  if (second !== undefined && GENERIC_HEADS.has(first.toLowerCase())) return `${second} ${first}`;
  return first;
}

function isPlaceOnly(segment: string): boolean {
  let rest = segment;
  for (const mention of findPlaces(segment).reverse()) rest = rest.slice(0, mention.start) + rest.slice(mention.end);
  return rest.replace(/\b(?:and|or|county|counties|region|based|kenya|[&/,.\s-])\b/gi, '').replace(/[&/,.\s-]/g, '').length === 0;
}

function canonicalize(cleaned: string): string {
  const words = cleaned
    .replace(SENIORITY_MODIFIERS, ' ')
    .replace(LEVEL_PHRASES, ' ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}+#/'\s-]/gu, ' ')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  const last = words.length - 1;
  if (last >= 0) words[last] = singularNoun(words[last]!);
  return words.join(' ');
}

function singularNoun(word: string): string {
  if (/(?:ss|us|is)$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const INTERN = /\b(?:intern|internship|attachment|attach[eé]e|apprentice(?:ship)?|trainee)s?\b/i;
const EXECUTIVE =
  /\b(?:chief\s+(?:executive|officer|operating|financial|finance|technology|technical|information|of\s+party|human)|ceo|cfo|coo|cto|cio|managing\s+director|executive\s+director|country\s+director|director|president|vice[-\s]president|vp|general\s+manager|partner)\b/i;
const NOT_EXECUTIVE_PARTNER = /\b(?:business|talent|hr|people|channel|implementing)\s+partner\b/i;
const MANAGER = /\b(?:manager|head\s+of|head\s+teacher|headteacher|headmaster|headmistress|head)\b|\bprincipal\s*$|\bprincipal\s+of\b/i;
const SENIOR = /\b(?:senior|snr|sr|lead|leader|supervisor|principal|chief|expert)\b/i;
const ENTRY = /\b(?:junior|jnr|jr|entry[-\s]level|graduate|assistant|attendant|clerk|cleaner|runner|messenger|porter|helper)s?\b/i;
const MID = /\b(?:intermediate|mid[-\s]level)\b/i;

/** Applies the seniority rules in order: the first rule that matches the title wins, then years decide. */
export function detectSeniority(title: string, options: Pick<TitleOptions, 'experienceYears' | 'employmentType'> = {}): Seniority {
  if (INTERN.test(title) || options.employmentType === 'internship') return 'intern';
  if (EXECUTIVE.test(title) && !NOT_EXECUTIVE_PARTNER.test(title)) return 'executive';
  if (MANAGER.test(title)) return 'manager';
  if (SENIOR.test(title)) return 'senior';
  if (ENTRY.test(title)) return 'entry';
  if (MID.test(title)) return 'mid';

  const years = options.experienceYears;
  if (years === null || years === undefined) return 'mid';
  if (years <= 1) return 'entry';
  return years >= 5 ? 'senior' : 'mid';
}
