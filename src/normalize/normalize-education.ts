/**
 * The academic level a posting requires, and the professional qualifications it names.
 */
import qualificationData from './data/professional-qualifications.json' with { type: 'json' };
import { matchNearLiterals } from './match-near-literals.js';
import { toPostingText, type PostingText } from './posting-text.js';
import { EDUCATION_LEVELS, type EducationLevel } from './vocabulary.js';

export interface EducationResult {
  /** The lowest academic level asked for (required, or preferred when nothing is required). */
  level: EducationLevel | null;
  /** Professional bodies, registrations and licences, by their names in professional-qualifications.json. */
  professionalQualifications: string[];
}

interface LevelMention {
  level: EducationLevel;
  isOptional: boolean;
}

// One alternation, longest phrases first, so "Master's degree" is one master mention and not also a bachelor "degree".
// compileLevels turns each level's alternatives into a named group whose name is that level.
const LEVEL_SOURCES: readonly [EducationLevel, string][] = [
  ['doctorate', String.raw`ph\.?\s?d\b|doctorate|doctoral\s+degree`],
  ['postgraduate_diploma', String.raw`post[-\s]?graduate\s+diploma|\bpgd(?:ip)?\b`],
  [
    'master',
    String.raw`master['’]?s\b(?:\s+degree)?|master\s+of\s+\w+|\bm\.?sc\b|\bmba\b|\bmph\b|\bm\.?phil\b|\bm\.\s?ed\b|advanced\s+(?:university\s+)?degree|post[-\s]?graduate\s+degree`,
  ],
  [
    'secondary',
    String.raw`k\.?c\.?s\.?e\b(?:\s+certificate)?|\bkce\b|\b[oa][-\s]levels?\b|\bform\s*(?:four|4|iv)\b(?:\s+certificate)?` +
      String.raw`|high\s*school\s+(?:certificate|diploma|education|graduate|level|leaver)|secondary\s+(?:school\s+)?(?:certificate|education|level|leaver)`,
  ],
  [
    'diploma',
    String.raw`higher\s+national\s+diplomas?|\bhnd\b(?!\s*\/)|higher\s+diplomas?|\bdiplomas?\b|associate['’]?s?\s+degree|associate['’]?s?(?=\s+or\s+bachelor)`,
  ],
  [
    'bachelor',
    String.raw`\bba\s*\/\s*bsc(?:\s*\/\s*hnd)?|bachelor(?:['’]?s)?(?:\s+degree)?|\bb\.?\s?sc\b|\bb\.\s?ed\b|\bb\.?\s?com\b|\bbba\b|\bllb\b|\bb\.?\s?eng\b` +
      String.raw`|(?<!\d\s?)(?<!\bhigh\s)\bdegree(?!\s+of\b)(?!s?\s+(?:celsius|fahrenheit))`,
  ],
  [
    'certificate',
    String.raw`\bknec\b|craft\s+certificate|artisan\s+certificate|\bcertificate\s+(?:in|course|level)\b|\bcertificate(?=\s+or\s+diploma)`,
  ],
];

// Bare level names that only a board facet uses: "Qualification: Certificate", "Min Qualification: Highschool".
const FACET_ONLY_SOURCES: readonly [EducationLevel, string][] = [
  ['secondary', String.raw`high\s*school|\bsecondary\b`],
  ['certificate', String.raw`\bcertificate\b|\bvocational\b`],
  ['diploma', String.raw`\bond\b`],
  ['master', String.raw`\bmasters?\b`],
];

const BODY_LEVEL = compileLevels(LEVEL_SOURCES);
const FACET_LEVEL = compileLevels([...LEVEL_SOURCES, ...FACET_ONLY_SOURCES]);

// QUIRK(myjobmag, standardarena, brightermonday, globalsouthopportunities): "Qualification: Diploma",
// "QualificationBA/BSc/HND,Diploma", "Min Qualification:Highschool", "Level of Education: bachelor degree".
// Case-sensitive on purpose: a label is followed by a colon or a capitalised value, never by running prose
// such as "the above qualification should be from KNEC".
const FACET_LABEL = new RegExp(
  `(?<preferred>${anyCase('preferred')}\\s+)?` +
    `(?:${anyCase('min')}(?:${anyCase('imum')})?\\.?\\s*(?:${anyCase('academic')}\\s+)?${anyCase('qualification')}(?![Ss])` +
    `|${anyCase('qualification')}(?![Ss])|${anyCase('level')}\\s+of\\s+${anyCase('education')}` +
    `|${anyCase('education')}\\s+${anyCase('level')}|\\b${anyCase('education')})` +
    `(?=\\s*:|\\s*[A-Z])\\s*:?\\s*`,
  'g',
);
const FACET_VALUE_END =
  /Experience|Location|Job\s*Field|Salary|Industry|Related\s+Jobs|Job\s*Type|Work\s+Hours|Gender|Career\s+Level|Duty\s+Station|Job\s+application|[.;•]/;
const FACET_VALUE_CHARS = 90;

const OPTIONAL_CONTEXT =
  /added\s+advantage|\ban\s+advantage|advantageous|\ba\s+plus\b|\ban\s+asset\b|desirable|\bpreferred\b|\bpreferably\b|preferable|would\s+be\s+beneficial/i;

interface QualificationEntry {
  name: string;
  pattern: string;
  ignoreCase: boolean;

  /** Lower-case words of which the text must contain one before the pattern is tried. */
  requires?: string[];
}

interface QualificationScan {
  pattern: RegExp;

  /** Words of which the lower-case text must contain one for the scan to run; null runs it always. */
  gate: string[] | null;
}

// Each flag setting gets one alternation with a named group per qualification, so the text is scanned
// at most twice instead of once per qualification. Patterns must not use numbered backreferences.
const QUALIFICATION_ENTRIES: readonly QualificationEntry[] = qualificationData.qualifications;
const QUALIFICATION_SCANS: readonly QualificationScan[] = [false, true].map((ignoreCase) => compileQualifications(ignoreCase));

/**
 * Finds the lowest academic level a posting requires and the professional qualifications it names.
 * With alternatives ("Diploma or Degree") the lower level counts. KCSE and other secondary
 * certificates count only when no post-secondary level is required, because Kenyan adverts list
 * them as a prerequisite next to the real requirement. The body wins over the board's
 * qualification facet; `labelled` is that facet when an adapter extracted it.
 */
export function normalizeEducation(text: string | PostingText | null | undefined, labelled?: string | null): EducationResult {
  const { text: posting, lower } = toPostingText(text);
  const { facetMentions, body } = splitFacets(posting, lower);
  if (labelled !== null && labelled !== undefined) {
    facetMentions.push(...findMentions(labelled, FACET_LEVEL).map((mention) => ({ ...mention, isOptional: false })));
  }
  const bodyMentions = findMentions(body, BODY_LEVEL);

  const level =
    lowestLevel(bodyMentions.filter((mention) => !mention.isOptional)) ??
    lowestLevel(facetMentions.filter((mention) => !mention.isOptional)) ??
    lowestLevel([...bodyMentions, ...facetMentions]);

  return { level, professionalQualifications: findQualifications(posting, lower) };
}

/** Returns a regex source that matches `word` with each letter in either case, for patterns that are otherwise case-sensitive. */
function anyCase(word: string): string {
  return [...word].map((letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`).join('');
}

/** Joins the sources into one alternation with a named group per level; a level listed twice keeps its first place. */
function compileLevels(sources: readonly [EducationLevel, string][]): RegExp {
  const byLevel = new Map<EducationLevel, string>();
  for (const [level, source] of sources) {
    const earlier = byLevel.get(level);
    byLevel.set(level, earlier === undefined ? source : `${earlier}|${source}`);
  }
  return new RegExp([...byLevel].map(([level, source]) => `(?<${level}>${source})`).join('|'), 'gi');
}

function findMentions(text: string, pattern: RegExp): LevelMention[] {
  const matches = [...text.matchAll(pattern)];
  const mentions: LevelMention[] = [];

  matches.forEach((match, position) => {
    const level = EDUCATION_LEVELS.find((name) => match.groups?.[name] !== undefined);
    if (level === undefined) return;

    const previousEnd = position === 0 ? 0 : (matches[position - 1]?.index ?? 0) + (matches[position - 1]?.[0].length ?? 0);
    const nextStart = matches[position + 1]?.index ?? text.length;
    const clause = clauseAround(text, match.index, match.index + match[0].length, previousEnd, nextStart);
    mentions.push({ level, isOptional: OPTIONAL_CONTEXT.test(clause) });
  });
  return mentions;
}

/**
 * Returns the clause around a mention: back to the previous sentence mark or mention (at most 40
 * characters), forward to the next one (at most 90). Glued page text often lacks full stops, so a
 * neighbouring mention also ends the clause: in "… from KNEC Diploma in X will be an added advantage"
 * only the diploma is optional.
 */
function clauseAround(text: string, start: number, end: number, previousEnd: number, nextStart: number): string {
  const before = text.slice(Math.max(previousEnd, start - 40), start);
  const clauseStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('•'));
  const after = text.slice(end, Math.min(nextStart, end + 90));
  const clauseEnd = after.search(/[.;•]/);

  return `${before.slice(clauseStart + 1)} ${clauseEnd === -1 ? after : after.slice(0, clauseEnd)}`;
}

function splitFacets(posting: string, lower: string): { facetMentions: LevelMention[]; body: string } {
  const facetMentions: LevelMention[] = [];
  if (!lower.includes('qualification') && !lower.includes('education')) return { facetMentions, body: posting };

  let body = '';
  let cursor = 0;
  // At most "Preferred Minimum. Academic " comes before "qualification" in a label.
  for (const label of matchNearLiterals(posting, lower, FACET_LABEL, ['qualification', 'education'], 40)) {
    const valueStart = label.index + label[0].length;
    if (label.index < cursor) continue;

    const window = posting.slice(valueStart, valueStart + FACET_VALUE_CHARS);
    const end = window.search(FACET_VALUE_END);
    const value = end === -1 ? window : window.slice(0, end);
    const isOptional = label.groups?.preferred !== undefined;
    facetMentions.push(...findMentions(value, FACET_LEVEL).map((mention) => ({ ...mention, isOptional })));

    body += `${posting.slice(cursor, label.index)} | `;
    cursor = valueStart + value.length;
  }
  body += posting.slice(cursor);
  return { facetMentions, body };
}

function lowestLevel(mentions: LevelMention[]): EducationLevel | null {
  const ranks = mentions.map((mention) => EDUCATION_LEVELS.indexOf(mention.level));
  const postSecondary = ranks.filter((rank) => rank > 0);
  const candidates = postSecondary.length > 0 ? postSecondary : ranks;
  if (candidates.length === 0) return null;
  return EDUCATION_LEVELS[Math.min(...candidates)] ?? null;
}

function compileQualifications(ignoreCase: boolean): QualificationScan {
  const entries = QUALIFICATION_ENTRIES.map((entry, index) => ({ ...entry, index })).filter((entry) => entry.ignoreCase === ignoreCase);
  const pattern = new RegExp(entries.map((entry) => `(?<q${entry.index}>${entry.pattern})`).join('|'), ignoreCase ? 'gi' : 'g');
  const isGated = entries.every((entry) => entry.requires !== undefined && entry.requires.length > 0);
  return { pattern, gate: isGated ? entries.flatMap((entry) => entry.requires ?? []) : null };
}

/**
 * Returns the qualifications named in the posting, in data-file order. After each match the scan
 * resumes one character later, so a qualification that overlaps another one's match is still found.
 */
function findQualifications(posting: string, lower: string): string[] {
  const found = new Set<number>();
  for (const { pattern, gate } of QUALIFICATION_SCANS) {
    if (gate !== null && !gate.some((word) => lower.includes(word))) continue;

    pattern.lastIndex = 0;
    for (let match = pattern.exec(posting); match !== null; match = pattern.exec(posting)) {
      for (const [group, value] of Object.entries(match.groups ?? {})) if (value !== undefined) found.add(Number(group.slice(1)));
      pattern.lastIndex = match.index + 1;
    }
  }
  return QUALIFICATION_ENTRIES.filter((_, index) => found.has(index)).map((entry) => entry.name);
}
