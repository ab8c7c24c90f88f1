/**
 * Pulls candidate skill phrases out of a requirements section: what follows a competence cue
 * ("knowledge of Sage Evolution", "proficiency in Tally and QuickBooks") and capitalized acronyms
 * ("IFRS", "IPSAS"). Phrases are lower-cased and trimmed of filler words; the caller decides which
 * are new by comparing them with the skill taxonomy.
 */

// A cue word, its preposition, then the phrase up to the next clause boundary.
const CUE_PHRASE =
  /\b(?:knowledge|experience|proficiency|proficient|competence|competent|competency|skilled|skills|expertise|familiarity|familiar|conversant|certification|certified|understanding|training)\s+(?:of|in|with|on)\s+([^.;:()\n•]+)/gi;

// Two to six capitals, optionally with a digit or ampersand inside ("ISO", "M&E", "ISO9001").
const ACRONYM = /\b[A-Z][A-Z&]{1,5}[0-9]{0,4}\b/g;

const LIST_SEPARATOR = /\s*(?:,|\/|\band\b|\bor\b|\betc\b|\bincluding\b|\bsuch as\b|\be\.g\b)\s*/i;
const MAX_PHRASE_WORDS = 4;

// Filler that opens or closes a captured phrase ("the", "relevant", "a minimum of").
const EDGE_WORDS = new Set([
  'a', 'an', 'the', 'any', 'all', 'other', 'relevant', 'related', 'basic', 'good', 'strong', 'excellent', 'sound',
  'working', 'proven', 'solid', 'advanced', 'demonstrated', 'practical', 'thorough', 'high', 'level', 'use', 'using',
  'various', 'modern', 'standard', 'key', 'at', 'least', 'minimum', 'of', 'in', 'with', 'on', 'to', 'for', 'is', 'are',
  'will', 'be', 'an', 'added', 'advantage', 'required', 'preferred', 'desirable', 'essential', 'must', 'similar', 'field',
  'fields', 'area', 'areas', 'etc', 'years', 'year', 'their', 'its', 'our', 'your', 'latest', 'applicable',
]);

// Phrases that name no skill: generic nouns that follow a cue in almost every advert.
const GENERIC_PHRASES = new Set([
  'experience', 'work', 'skills', 'knowledge', 'computer', 'computers', 'management', 'similar role', 'similar position',
  'this role', 'the role', 'the field', 'field', 'industry', 'the industry', 'sector', 'the sector', 'position', 'role',
  'kenya', 'english', 'kiswahili', 'and', 'or', 'job', 'organization', 'organisation', 'team', 'office', 'policies',
  'procedures', 'regulations', 'tools', 'services', 'financial', 'reporting', 'planning', 'implementation', 'designing',
]);

// Acronyms that are not skills: degrees, places, grades and words written in capitals.
const NOT_SKILL_ACRONYMS = new Set([
  'CV', 'CVS', 'KCSE', 'KCPE', 'BSC', 'BA', 'BCOM', 'MBA', 'MSC', 'MA', 'PHD', 'ID', 'KRA', 'PIN', 'HELB', 'EACC', 'CRB', 'NB',
  'KENYA', 'NAIROBI', 'OR', 'AND', 'THE', 'OF', 'TO', 'IN', 'ON', 'FOR', 'AT', 'A', 'I', 'II', 'III', 'IV', 'NOT', 'ALL', 'NO',
  'ONLY', 'MUST', 'JOB', 'JOBS', 'APPLY', 'NOTE', 'LTD', 'PLC', 'CEO', 'HR', 'USD', 'KES', 'KSH', 'KSHS', 'NGO', 'NGOS', 'UN',
  'AM', 'PM', 'DR', 'MR', 'MS', 'MRS', 'PO', 'BOX', 'EMAIL', 'TEL', 'CBC', 'TSC', 'PSC', 'IT', 'KEY', 'JD', 'TOR', 'TORS',
]);

/** Returns the distinct candidate phrases of one requirements text, in order of appearance. */
export function extractSkillPhrases(text: string): string[] {
  const phrases = new Set<string>();

  CUE_PHRASE.lastIndex = 0;
  for (let match = CUE_PHRASE.exec(text); match !== null; match = CUE_PHRASE.exec(text)) {
    // A short capture is one skill even with "and" inside ("monitoring and evaluation"); a longer one is a list.
    const whole = tidyPhrase(match[1]!);
    const parts = whole !== null && !/[,/]/.test(match[1]!) ? [match[1]!] : match[1]!.split(LIST_SEPARATOR);
    for (const part of parts) {
      const phrase = tidyPhrase(part);
      if (phrase !== null && (phrase.includes(' ') || isNameLike(part))) phrases.add(phrase);
    }
  }

  ACRONYM.lastIndex = 0;
  for (let match = ACRONYM.exec(text); match !== null; match = ACRONYM.exec(text)) {
    if (!NOT_SKILL_ACRONYMS.has(match[0])) phrases.add(match[0].toLowerCase());
  }
  return [...phrases];
}

/** True when a one-word phrase is written like a product or method name ("QuickBooks", "Tally"), not an ordinary word. */
function isNameLike(part: string): boolean {
  const word = part.trim().split(/\s+/).find((candidate) => /\p{L}/u.test(candidate) && !EDGE_WORDS.has(candidate.toLowerCase()));
  return word !== undefined && /^\p{Lu}/u.test(word) && !GENERIC_PHRASES.has(word.toLowerCase());
}

/** Lower-cases a captured phrase and trims filler words from both ends; null when nothing skill-like is left. */
function tidyPhrase(raw: string): string | null {
  const words = raw
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#&.'\s-]/gu, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((word) => word.length > 0);

  while (words.length > 0 && EDGE_WORDS.has(words[0]!)) words.shift();
  while (words.length > 0 && EDGE_WORDS.has(words.at(-1)!)) words.pop();

  const phrase = words.join(' ');
  const hasLetters = /\p{L}{2,}/u.test(phrase);
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS || !hasLetters || GENERIC_PHRASES.has(phrase) || /^\d/.test(phrase)) {
    return null;
  }
  return phrase;
}
