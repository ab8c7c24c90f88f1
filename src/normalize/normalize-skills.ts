/**
 * Extracts the skills a posting clearly requires, matched against the skill taxonomy.
 * Skills named in the requirements or qualifications section score higher than those in
 * the duties, named tools score higher than soft skills, and only the most confident few
 * are kept, the way a careful reader would list them.
 */
import { defaultSkillMatcher, compileSkillMatcher, SKILL_CATEGORIES, type SkillRecord } from './skill-taxonomy.js';

export interface ExtractedSkill {
  /** Canonical lower-case name. */
  name: string;

  /** 0–1. */
  confidence: number;
}

export interface SkillOptions {
  /** Accepted skills learned from earlier postings; matched like taxonomy entries. */
  extraSkills?: readonly SkillRecord[];

  /** Requirements text when the site marks it separately; otherwise the section is found in `text`. */
  requirementsText?: string | null;
}

export const MAX_SKILLS = 8;
const MAX_SCANNED_CHARS = 30_000;
const MIN_CONFIDENCE = 0.5;

// Named tools beat domain competencies, which beat languages and soft skills.
const BASE_CONFIDENCE: Record<string, number> = {
  software: 0.8,
  office: 0.7,
  soft: 0.4,
  language: 0.6,
};
const DOMAIN_CONFIDENCE = 0.6;
const REQUIREMENTS_BONUS = 0.15;
const REPEAT_BONUS = 0.05;
const MAX_REPEAT_BONUS = 0.1;
const LEARNED_CONFIDENCE = 0.6;

const REQUIREMENTS_HEADING =
  /\b(?:requirements?|qualifications?|required\s+skills|skills\s+(?:and|&)\s+(?:experience|qualifications?|knowledge)|key\s+competenc(?:y|ies)|competencies|what\s+you\s+(?:will\s+)?(?:bring|need)|what\s+we\s+need|we\s+are\s+looking\s+for|ideal\s+(?:candidate|applicant)|person\s+specification|knowledge\s+(?:and|&)\s+skills|experience\s+(?:and|&)\s+skills|technical\s+competencies|must\s+have)\b/i;
const SECTION_END = /\b(?:how\s+to\s+apply|method\s+of\s+application|application\s+(?:process|procedure|instructions)|what\s+we\s+offer|benefits|remuneration|closing\s+date|deadline)\b/i;

const LANGUAGES = ['english', 'swahili', 'kiswahili', 'french', 'arabic', 'portuguese', 'somali', 'amharic', 'german', 'spanish', 'chinese', 'mandarin'];
const LANGUAGE_CUE = /\b(?:fluen(?:t|cy)|proficien(?:t|cy)|spoken|written|oral|speak(?:ing)?|command\s+of|languages?|verbal)\b/i;
const LANGUAGE_NAME = new RegExp(`\\b(?:${LANGUAGES.join('|')})\\b`, 'gi');
const LANGUAGE_WINDOW_CHARS = 60;

export interface SkillExtraction {
  /** At most eight skills, most confident first. */
  skills: ExtractedSkill[];

  /** The requirements section the skills were weighed against: `requirementsText`, or the section found in the text, or ''. */
  requirements: string;
}

/** Extracts at most eight skills, most confident first. */
export function normalizeSkills(text: string | null, options: SkillOptions = {}): ExtractedSkill[] {
  return extractSkills(text, options).skills;
}

/** Extracts skills like normalizeSkills and also returns the requirements section it found, so callers need not search again. */
export function extractSkills(text: string | null, options: SkillOptions = {}): SkillExtraction {
  // Sliced only when long, so the tokenization other normalizers cached for this text is reused.
  const whole = text ?? '';
  const body = whole.length > MAX_SCANNED_CHARS ? whole.slice(0, MAX_SCANNED_CHARS) : whole;
  const requirements = options.requirementsText ?? requirementsSection(body);
  const scores = new Map<string, { base: number; count: number; isInRequirements: boolean }>();

  const note = (name: string, base: number, isInRequirements: boolean): void => {
    const entry = scores.get(name) ?? { base, count: 0, isInRequirements: false };
    entry.count += 1;
    entry.isInRequirements ||= isInRequirements;
    scores.set(name, entry);
  };

  const requirementsStart = options.requirementsText ? Number.POSITIVE_INFINITY : body.indexOf(requirements);
  for (const match of defaultSkillMatcher.findAll(body)) {
    note(match.key, baseConfidence(match.key), requirementsStart >= 0 && match.start >= requirementsStart && requirements.length > 0);
  }
  if (options.requirementsText) {
    for (const match of defaultSkillMatcher.findAll(options.requirementsText)) note(match.key, baseConfidence(match.key), true);
  }
  for (const language of requiredLanguages(body)) note(language, BASE_CONFIDENCE.language!, true);
  if (options.extraSkills !== undefined && options.extraSkills.length > 0) {
    for (const match of learnedMatcher(options.extraSkills).findAll(body)) note(match.key, LEARNED_CONFIDENCE, false);
  }

  return { skills: rank(scores), requirements };
}

function rank(scores: Map<string, { base: number; count: number; isInRequirements: boolean }>): ExtractedSkill[] {
  const ranked: ExtractedSkill[] = [];
  for (const [name, score] of scores) {
    const repeat = Math.min(MAX_REPEAT_BONUS, (score.count - 1) * REPEAT_BONUS);
    const confidence = Math.min(1, score.base + repeat + (score.isInRequirements ? REQUIREMENTS_BONUS : 0));
    if (confidence >= MIN_CONFIDENCE) ranked.push({ name, confidence: Math.round(confidence * 100) / 100 });
  }
  ranked.sort((a, b) => b.confidence - a.confidence || a.name.localeCompare(b.name));
  return ranked.slice(0, MAX_SKILLS);
}

function baseConfidence(name: string): number {
  const category = SKILL_CATEGORIES.get(name);
  return category === undefined ? DOMAIN_CONFIDENCE : (BASE_CONFIDENCE[category] ?? DOMAIN_CONFIDENCE);
}

/** Returns the text from the first requirements heading to the next application heading, or ''. */
export function requirementsSection(text: string): string {
  const heading = REQUIREMENTS_HEADING.exec(text);
  if (heading === null) return '';

  const rest = text.slice(heading.index);
  const end = SECTION_END.exec(rest.slice(heading[0].length));
  return end === null ? rest : rest.slice(0, heading[0].length + end.index);
}

/** Languages named near a fluency cue ("Fluency in English", "written and spoken English and Kiswahili"), as written. */
function requiredLanguages(text: string): string[] {
  const found = new Set<string>();
  LANGUAGE_NAME.lastIndex = 0;
  for (let match = LANGUAGE_NAME.exec(text); match !== null; match = LANGUAGE_NAME.exec(text)) {
    const around = text.slice(Math.max(0, match.index - LANGUAGE_WINDOW_CHARS), match.index + match[0].length + LANGUAGE_WINDOW_CHARS);
    if (LANGUAGE_CUE.test(around)) found.add(match[0].toLowerCase());
  }
  return [...found];
}

// Learned skills change rarely; compile each distinct list once.
const learnedMatchers = new WeakMap<readonly SkillRecord[], ReturnType<typeof compileSkillMatcher>>();

function learnedMatcher(skills: readonly SkillRecord[]): ReturnType<typeof compileSkillMatcher> {
  const cached = learnedMatchers.get(skills);
  if (cached !== undefined) return cached;

  const compiled = compileSkillMatcher(skills);
  learnedMatchers.set(skills, compiled);
  return compiled;
}
