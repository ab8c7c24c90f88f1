/**
 * The employment type of a posting, from its title, body, board facet and JSON-LD.
 */
import { matchNearLiterals } from './match-near-literals.js';
import { toPostingText, type PostingText } from './posting-text.js';
import type { EmploymentType } from './vocabulary.js';

/** When a posting states several types, the first one in this list wins. */
const PRECEDENCE: readonly EmploymentType[] = [
  'internship',
  'volunteer',
  'temporary',
  'contract',
  'freelance',
  'part_time',
  'full_time',
];

// Facet values as boards and schema.org write them: "Full Time , Onsite", "FULL_TIME", "Internship & Graduate".
const FACET_VALUES: readonly [EmploymentType, RegExp][] = [
  ['internship', /^(?:intern(?:ship)?|attachment|apprentice(?:ship)?|graduate\s+trainee|trainee)\b/i],
  ['volunteer', /^volunteer/i],
  ['temporary', /^(?:temporary|temp\b|casual|seasonal|per\s+diem)/i],
  ['contract', /^(?:contract(?:or)?|fixed[-\s_]?term|consultan(?:cy|t))/i],
  ['freelance', /^(?:freelance|gig)/i],
  ['part_time', /^part[-\s_]?time/i],
  ['full_time', /^(?:full[-\s_]?time|permanent)/i],
];

// "Job Type: Full Time", MyJobMag's glued "Job TypeFull Time", Global South's "[Type: FULL_TIME", "Employment Type: Intern".
const FACET_LABEL = /(?:\bjob|\bemployment|\bwork|\[|\b)\s*type\s*:?\s*(?=[A-Za-z])/gi;
// QUIRK(brightermonday): header facets are bare values between the location and the industry.
const HEADER_VALUE =
  /(?:^|\s|(?<=[a-z]))(?<value>Full\s?Time|Part\s?Time|Contract|Temporary|Internship\s*&\s*Graduate|Freelance|Volunteer)(?=\s|[A-Z]|$)/g;
const HEADER_CHARS = 500;

// Phrases in a title or body that state a type, each behind lower-case words that must occur first,
// because a substring check is much cheaper than the regular expression. Loose words are left out on purpose: "relief" and
// "casuals" appear in NGO blurbs and duty lists, "consultancy" in the names of recruiting firms.
const BODY_SIGNALS: readonly [EmploymentType, readonly string[], RegExp][] = [
  [
    'internship',
    ['intern', 'attachment', 'trainee'],
    /\binternships?\s+(?:programme|program|opportunit|position|period|placement|role|offers)|\bthis\s+internship\b|\bthe\s+intern\s+(?:will|shall)\b|\bindustrial\s+attachment\b|\bgraduate\s+trainee\b/i,
  ],
  [
    'volunteer',
    ['volunteer', 'unpaid'],
    /\b(?:as\s+(?:a\s+)?volunteers?|volunteer\s+(?:position|role|opportunit|placement|assignment)|unpaid\s+(?:position|role))/i,
  ],
  [
    'temporary',
    ['maternity', 'relief', 'casual', 'temporary'],
    /\bmaternity\s+(?:cover|leave\s+cover|relief|reliever)|\brelief\s+(?:staff|nurse|teacher|cover)\b|\bcasual\s+(?:basis|position|worker|employment|job|labourer)|\btemporary\s+(?:basis|position|role|staff|employment|assignment|job)|\bon\s+a\s+temporary\b/i,
  ],
  [
    'contract',
    ['contract', 'fixed', 'consult', 'terms of reference'],
    /\bfixed[-\s]?term\b|\b(?:\d{1,2}|one|two|three|four|five|six|twelve|eighteen|twenty[-\s]four)\s*(?:\(\d{1,2}\)\s*)?[-\s]?(?:years?|yrs?\.?|months?)['’]?\s*(?:[\w-]+\s+){0,3}?contract\b|\bcontract\s*(?:duration|period|term|basis|position|role|employment|appointment|length)\b|\bon\s+(?:a\s+)?contract(?:ual)?\s+basis\b|\brenewable\s+contract\b|\bshort[-\s]term\s+consultan|\bconsultancy\s+(?:assignment|period|fee|contract)|\bterms\s+of\s+reference\b|\b(?:the|a|selected|qualified|individual)\s+consultant\s+(?:will|shall|should|must|is|to)\b/i,
  ],
  ['freelance', ['freelance', 'independent'], /\bfreelance\b|\bindependent\s+contractor\b/i],
  ['part_time', ['part'], /\bpart[-\s]?time\b/i],
  ['full_time', ['full', 'permanent'], /\bfull[-\s]?time\s+(?:position|role|job|basis|employment)|\bpermanent\s+(?:and\s+pensionable|position|role|employment|basis|terms)\b|\bpermanent\s+and\s+pensionable\b/i],
];

// Strong words that settle the type when the title carries them: "Mechanical Engineer Intern", "Maternity Cover – Class Teacher".
const TITLE_SIGNALS: readonly [EmploymentType, RegExp][] = [
  ['internship', /\b(?:intern|internship|interns|attachment|attach[eé]|apprentice|apprenticeship|trainee)\b/i],
  ['volunteer', /\bvolunteers?\b/i],
  ['temporary', /\b(?:maternity\s+(?:cover|reliever|relief|leave)|temporary|locum|relief|reliever)\b/i],
  ['contract', /\b(?:fixed[-\s]?term|contract|consultant|consultancy)\b/i],
  ['freelance', /\bfreelance\b/i],
  ['part_time', /\bpart[-\s]?time\b/i],
];

/**
 * Decides the employment type. Title words and statements in the body win over the board's facet
 * ("Renewable 1-year contract" over "Job Type: Full Time"). Among several signals, internship beats
 * volunteer, then temporary, contract, freelance, part-time and full-time. A "full-time" remark in the
 * body never overrides a facet, because full-time contracts and internships are common.
 * `labelled` is the board facet and `jsonLdType` the JSON-LD employmentType (string or array), when
 * an adapter extracted them. `title` lets title words count, since the text may not start with the title.
 */
export function normalizeEmploymentType(
  text: string | PostingText | null | undefined,
  labelled?: string | null,
  jsonLdType?: unknown,
  title?: string | null,
): EmploymentType | null {
  const { text: posting, lower } = toPostingText(text);
  const { facetTypes, body } = splitFacets(posting, lower);
  facetTypes.push(...parseFacetValues(labelled), ...parseJsonLdType(jsonLdType));

  const stated = new Set<EmploymentType>();
  for (const [type, pattern] of TITLE_SIGNALS) if (pattern.test(title ?? '')) stated.add(type);
  // The body is the posting minus facet labels, so a gate word missing from the whole posting is missing from the body.
  for (const [type, gate, pattern] of BODY_SIGNALS) {
    if (gate.some((word) => lower.includes(word)) && pattern.test(body)) stated.add(type);
  }

  const strongest = pickByPrecedence([...stated].filter((type) => type !== 'full_time'));
  if (strongest !== null) return strongest;
  return pickByPrecedence(facetTypes) ?? (stated.has('full_time') ? 'full_time' : null);
}

function splitFacets(posting: string, lower: string): { facetTypes: EmploymentType[]; body: string } {
  const facetTypes: EmploymentType[] = [];
  let body = '';
  let cursor = 0;

  // The longest label before "type" is "employment ", since the prepared text has single spaces.
  const labels = matchNearLiterals(posting, lower, FACET_LABEL, ['type'], 12);
  for (const label of labels) {
    const valueStart = label.index + label[0].length;
    if (label.index < cursor) continue;

    const value = posting.slice(valueStart, valueStart + 40);
    const valueTypes = parseFacetValues(value);
    if (valueTypes.length === 0) continue;

    // Only the label and the first type word leave the body; what follows may be a statement of its own.
    const firstWord = FACET_VALUES.map(([, pattern]) => pattern.exec(value)?.[0].length ?? 0).find((length) => length > 0) ?? 0;
    facetTypes.push(...valueTypes);
    body += `${posting.slice(cursor, label.index)} | `;
    cursor = valueStart + firstWord;
  }
  body += posting.slice(cursor);

  for (const header of body.slice(0, HEADER_CHARS).matchAll(HEADER_VALUE)) {
    facetTypes.push(...parseFacetValues(header.groups?.value));
  }
  return { facetTypes, body };
}

/** Parses a facet value; a value such as "Full Time , Onsite" or "Contract, Part-time" may hold several types. */
function parseFacetValues(value: string | null | undefined): EmploymentType[] {
  if (value === null || value === undefined) return [];
  const types: EmploymentType[] = [];

  for (const part of value.split(/[,/|]/).slice(0, 3)) {
    const trimmed = part.trim();
    const found = FACET_VALUES.find(([, pattern]) => pattern.test(trimmed));
    if (found !== undefined) types.push(found[0]);
  }
  return types;
}

function parseJsonLdType(jsonLdType: unknown): EmploymentType[] {
  if (typeof jsonLdType === 'string') return parseFacetValues(jsonLdType);
  if (Array.isArray(jsonLdType)) return jsonLdType.flatMap((value) => parseJsonLdType(value));
  return [];
}

function pickByPrecedence(types: EmploymentType[]): EmploymentType | null {
  return PRECEDENCE.find((type) => types.includes(type)) ?? null;
}
