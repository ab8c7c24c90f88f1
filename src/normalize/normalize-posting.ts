/**
 * Combines every normalizer into one pure step: posting text and site fields in, every
 * normalized field out. JSON-LD values come first, then fields labelled in the site's
 * markup, then the text. It never throws: a normalizer that fails leaves its
 * field empty and is named in `warnings`.
 */
import { createHash } from 'node:crypto';

import { detectNonJob } from './detect-non-job.js';
import { normalizeForShingles, normalizeLowerCaseForShingles } from './duplicate-key.js';
import { normalizeDates } from './normalize-dates.js';
import { normalizeEducation, type EducationResult } from './normalize-education.js';
import { normalizeEmploymentType } from './normalize-employment-type.js';
import { normalizeExperience, type ExperienceResult } from './normalize-experience.js';
import { normalizeLocation, type NormalizedLocation } from './normalize-location.js';
import { findOrganizationInText, normalizeOrganization } from './normalize-organization.js';
import { NO_SALARY, normalizeSalary, type SalaryResult } from './normalize-salary.js';
import { extractSkills, type ExtractedSkill, type SkillExtraction } from './normalize-skills.js';
import { normalizeTitle, type LearnedTitleAlias, type NormalizedTitle } from './normalize-title.js';
import { readJsonLdFields, type JsonLdFields } from './read-json-ld-fields.js';
import { repairMojibake } from './repair-mojibake.js';
import { preparePostingText, type PostingText } from './posting-text.js';
import { scoreQuality } from './score-quality.js';
import type { SkillRecord } from './skill-taxonomy.js';
import { stripPageFurniture } from './strip-page-furniture.js';
import type { EmploymentType, Seniority, TitleFamily } from './vocabulary.js';

/** Values a site adapter read from labelled markup ("Job Type: Full Time"), as displayed. */
export interface LabelledFields {
  organization?: string | null;
  location?: string | null;
  employmentType?: string | null;
  salary?: string | null;
  education?: string | null;
  experience?: string | null;
  datePosted?: string | null;
  deadline?: string | null;
  industry?: string | null;
}

export interface PostingInput {
  url: string;
  source: string;
  title: string | null;

  /** Description and requirements as plain text. */
  text: string | null;
  requirementsText?: string | null;
  fetchedAt: Date;
  fields?: LabelledFields;

  /** A schema.org JobPosting node, when the page carried one. */
  jsonLd?: Record<string, unknown> | null;

  /** Accepted learned title aliases, keyed by phraseKey of the title. */
  aliases?: ReadonlyMap<string, LearnedTitleAlias>;

  /** Accepted learned skills. */
  extraSkills?: readonly SkillRecord[];
}

export interface NormalizedPosting {
  url: string;
  source: string;
  title: string | null;

  /** Posting text without board furniture, capped for very large pages. */
  description: string;
  titleFamily: TitleFamily | null;
  titleCanonical: string | null;
  seniority: Seniority;
  titleConfidence: number;
  isMultiPosition: boolean;
  organization: { name: string; nameKey: string } | null;
  location: NormalizedLocation;
  salary: SalaryResult;
  employmentType: EmploymentType | null;
  education: EducationResult;
  experience: ExperienceResult;
  skills: ExtractedSkill[];

  /** ISO dates (YYYY-MM-DD). */
  datePosted: string | null;
  deadline: string | null;
  postedRelative: string | null;

  /** 0–1, see score-quality.ts. */
  qualityScore: number;
  isJob: boolean;
  nonJobReason: string | null;

  /** The description in normalizeForShingles form: lower case, letters and digits, single spaces. */
  shingleText: string;

  /** SHA-1 hex of `shingleText`; equal for texts that differ only in case, spacing or punctuation. */
  contentHash: string;

  /** Normalizers that threw on this input; their fields hold the empty value. */
  warnings: string[];
}

const MAX_TITLE_CHARS = 300;
const EMPTY_LOCATION: NormalizedLocation = { country: null, region: null, city: null, isRemote: false, regionsAll: [] };
const EMPTY_EDUCATION: EducationResult = { level: null, professionalQualifications: [] };
const EMPTY_EXPERIENCE: ExperienceResult = { minYears: null, maxYears: null };
const NO_SKILLS: SkillExtraction = { skills: [], requirements: '' };
const EMPTY_TITLE: NormalizedTitle = { family: null, canonical: null, seniority: 'mid', confidence: 0, isMultiPosition: false };

/** Normalizes one posting; never throws. */
export function normalizePosting(input: PostingInput): NormalizedPosting {
  const warnings: string[] = [];
  const attempt: Attempt = (name, fallback, run) => {
    try {
      return run();
    } catch {
      warnings.push(name);
      return fallback;
    }
  };

  const jsonLd = attempt('json-ld', readJsonLdFields(null), () => readJsonLdFields(input.jsonLd));
  const fields = input.fields ?? {};
  const title = attempt('mojibake', null, () => repairText(jsonLd.title ?? input.title))?.slice(0, MAX_TITLE_CHARS) ?? null;
  const rawText = attempt('mojibake', '', () => repairText(input.text ?? jsonLd.description) ?? '');
  const description = attempt('furniture', rawText, () => stripPageFurniture(rawText));
  const requirementsText = input.requirementsText ?? null;
  const fullText = requirementsText !== null && !description.includes(requirementsText) ? `${description}\n${requirementsText}` : description;
  // Prepared once: every rule-based normalizer below scans this collapsed text.
  const posting = preparePostingText(rawText, fullText);

  const verdict = attempt('non-job', { isJob: true, reason: null }, () => detectNonJob({ title, text: description, url: input.url, lowerText: posting.lower }));
  const labelledOrganization = jsonLd.organization ?? fields.organization ?? null;
  const organizationName = labelledOrganization ?? attempt('organization', null, () => findOrganizationInText(description, title));
  const organization = attempt('organization', null, () => (organizationName === null ? null : normalizeOrganization(organizationName)));

  // A non-job has no job-level facts: a tender's "Job Type" or a listing's salaries describe other things.
  const job = verdict.isJob
    ? normalizeJobFields(posting, { title, fields, jsonLd, attempt })
    : { employmentType: null, education: EMPTY_EDUCATION, experience: EMPTY_EXPERIENCE, salary: NO_SALARY };
  const { employmentType, education, experience, salary } = job;
  const dates = attempt('dates', { datePosted: null, deadline: null, postedRelative: null }, () =>
    normalizeDates({
      // The prepared text keeps the raw page, whose related-jobs sidebar may hold this posting's age.
      text: posting,
      title,
      datePosted: jsonLd.datePosted ?? fields.datePosted ?? null,
      deadline: jsonLd.deadline ?? fields.deadline ?? null,
      fetchedAt: input.fetchedAt,
    }),
  );

  const location = attempt('location', EMPTY_LOCATION, () =>
    // Only a labelled employer name is masked: a name guessed from the text may swallow the town next to it.
    normalizeLocation(posting, jsonLd.location ?? fields.location ?? null, { title, organization: labelledOrganization }),
  );
  const normalizedTitle = attempt('title', EMPTY_TITLE, () =>
    normalizeTitle(title, { text: posting.text, experienceYears: experience.minYears, employmentType, aliases: input.aliases }),
  );
  const { skills, requirements } = !verdict.isJob
    ? NO_SKILLS
    : attempt('skills', NO_SKILLS, () =>
        extractSkills(requirementsText === null ? posting.text : description, { extraSkills: input.extraSkills, requirementsText }),
      );

  const shingleText = foldForShingles(description, requirementsText === null ? posting.lower : null);
  const isTitled = verdict.isJob && !normalizedTitle.isMultiPosition;
  const qualityScore = scoreQuality({
    title,
    titleFamily: isTitled ? normalizedTitle.family : null,
    description,
    requirements,
    hasOrganization: organization !== null,
    hasLocation: location.region !== null || location.country !== null || location.isRemote,
    hasSalary: salary.min !== null || salary.max !== null,
    educationLevel: education.level,
    experienceMinYears: experience.minYears,
    skillCount: skills.length,
  });

  return {
    url: input.url,
    source: input.source,
    title,
    description,
    titleFamily: isTitled ? normalizedTitle.family : null,
    titleCanonical: isTitled ? normalizedTitle.canonical : null,
    seniority: normalizedTitle.seniority,
    titleConfidence: normalizedTitle.confidence,
    isMultiPosition: normalizedTitle.isMultiPosition,
    organization,
    location,
    salary,
    employmentType,
    education,
    experience,
    skills,
    datePosted: dates.datePosted,
    deadline: dates.deadline,
    postedRelative: dates.postedRelative,
    qualityScore,
    isJob: verdict.isJob,
    nonJobReason: verdict.reason,
    shingleText,
    contentHash: createHash('sha1').update(shingleText).digest('hex'),
    warnings: [...new Set(warnings)],
  };
}

/** Returns the shingle form of the description; `lowerCaseDescription` skips lower-casing it again. */
function foldForShingles(description: string, lowerCaseDescription: string | null): string {
  return lowerCaseDescription === null ? normalizeForShingles(description) : normalizeLowerCaseForShingles(lowerCaseDescription);
}

type Attempt = <T>(name: string, fallback: T, run: () => T) => T;

interface JobFields {
  employmentType: EmploymentType | null;
  education: EducationResult;
  experience: ExperienceResult;
  salary: SalaryResult;
}

/** Runs the normalizers of facts that only a vacancy has; `attempt` records a normalizer that throws. */
function normalizeJobFields(
  posting: PostingText,
  context: { title: string | null; fields: LabelledFields; jsonLd: JsonLdFields; attempt: Attempt },
): JobFields {
  const { title, fields, jsonLd, attempt } = context;
  return {
    employmentType: attempt('employment type', null, () =>
      normalizeEmploymentType(posting, fields.employmentType ?? null, jsonLd.employmentType, title),
    ),
    education: attempt('education', EMPTY_EDUCATION, () => normalizeEducation(posting, jsonLd.education ?? fields.education ?? null)),
    experience: attempt('experience', EMPTY_EXPERIENCE, () => normalizeExperience(posting, jsonLd.experience ?? fields.experience ?? null)),
    salary: attempt('salary', NO_SALARY, () =>
      normalizeSalary(posting, { baseSalary: jsonLd.baseSalary ?? undefined, labelled: fields.salary ?? null }),
    ),
  };
}

function repairText(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : repairMojibake(text);
}
