/**
 * Scores normalized postings against hand-labelled gold records, field by field, with the
 * rules of the labelling guide: numbers within a tolerance, counties compared ignoring case,
 * spaces and hyphens, skills as micro-averaged precision and recall with light fuzzy matching.
 */

export const SCORED_FIELDS = ['salary', 'county', 'employment_type', 'education', 'experience_years', 'title_family'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** The labelled values the scoring reads from a gold record's `expected` object. */
export interface GoldExpected {
  salary_min: number | null;
  salary_max: number | null;
  currency: string | null;
  salary_period: string | null;
  region: string | null;
  employment_type: string | null;
  education_level: string | null;
  experience_years_min: number | null;
  title_family: string | null;
  skills: string[];
}

/** The same values as produced by the normalizers. */
export interface GoldPrediction {
  salaryMin: number | null;
  salaryMax: number | null;
  currency: string | null;
  salaryPeriod: string | null;
  region: string | null;
  employmentType: string | null;
  educationLevel: string | null;
  experienceMinYears: number | null;
  titleFamily: string | null;
  skills: string[];
}

export interface GoldMiss {
  id: string;
  field: ScoredField | 'skills';
  expected: unknown;
  got: unknown;
}

export interface GoldScore {
  n: number;
  accuracy: Record<ScoredField, number>;
  skills: { precision: number; recall: number };
  misses: GoldMiss[];
}

const SALARY_TOLERANCE = 0.5;
const YEARS_TOLERANCE = 0.01;
const SKILL_FUZZY_MIN_SIMILARITY = 0.85;

/** Scores predictions against gold records paired by position. */
export function scoreGold(records: ReadonlyArray<{ id: string; expected: GoldExpected; got: GoldPrediction }>): GoldScore {
  const correct = Object.fromEntries(SCORED_FIELDS.map((field) => [field, 0])) as Record<ScoredField, number>;
  const misses: GoldMiss[] = [];
  let truePositives = 0;
  let predictedCount = 0;
  let expectedCount = 0;

  for (const { id, expected, got } of records) {
    for (const field of SCORED_FIELDS) {
      const [isRight, expectedValue, gotValue] = compareField(field, expected, got);
      if (isRight) correct[field] += 1;
      else misses.push({ id, field, expected: expectedValue, got: gotValue });
    }

    const matched = countSkillMatches(expected.skills, got.skills);
    truePositives += matched;
    predictedCount += got.skills.length;
    expectedCount += expected.skills.length;
    if (matched < Math.max(expected.skills.length, got.skills.length)) {
      misses.push({ id, field: 'skills', expected: expected.skills, got: got.skills });
    }
  }

  const n = records.length;
  const accuracy = Object.fromEntries(SCORED_FIELDS.map((field) => [field, n === 0 ? 0 : round(correct[field] / n)])) as Record<ScoredField, number>;
  return {
    n,
    accuracy,
    skills: {
      precision: predictedCount === 0 ? 0 : round(truePositives / predictedCount),
      recall: expectedCount === 0 ? 0 : round(truePositives / expectedCount),
    },
    misses,
  };
}

function compareField(field: ScoredField, expected: GoldExpected, got: GoldPrediction): [boolean, unknown, unknown] {
  switch (field) {
    case 'salary': {
      const expectedSalary = [expected.salary_min, expected.salary_max, expected.currency, expected.salary_period];
      const gotSalary = [got.salaryMin, got.salaryMax, got.currency, got.salaryPeriod];
      const isRight =
        isNear(expected.salary_min, got.salaryMin, SALARY_TOLERANCE) &&
        isNear(expected.salary_max, got.salaryMax, SALARY_TOLERANCE) &&
        expected.currency === got.currency &&
        expected.salary_period === got.salaryPeriod;
      return [isRight, expectedSalary, gotSalary];
    }
    case 'county':
      return [countyKey(expected.region) === countyKey(got.region), expected.region, got.region];
    case 'employment_type':
      return [expected.employment_type === got.employmentType, expected.employment_type, got.employmentType];
    case 'education':
      return [expected.education_level === got.educationLevel, expected.education_level, got.educationLevel];
    case 'experience_years':
      return [isNear(expected.experience_years_min, got.experienceMinYears, YEARS_TOLERANCE), expected.experience_years_min, got.experienceMinYears];
    case 'title_family':
      return [expected.title_family === got.titleFamily, expected.title_family, got.titleFamily];
  }
}

function isNear(expected: number | null, got: number | null, tolerance: number): boolean {
  if (expected === null || got === null) return expected === got;
  return Math.abs(expected - got) <= tolerance;
}

function countyKey(region: string | null): string | null {
  return region === null ? null : region.toLowerCase().replace(/[\s-]/g, '');
}

/** Lower-cases and strips punctuation, as the labelling guide compares skills. */
export function skillKey(skill: string): string {
  return skill
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Counts one-to-one matches: equal keys first, then pairs whose similarity is at least 0.85. */
export function countSkillMatches(expected: readonly string[], got: readonly string[]): number {
  const remaining = [...new Set(expected.map(skillKey))];
  const predicted = [...new Set(got.map(skillKey))];
  let matched = 0;

  const unmatched: string[] = [];
  for (const skill of predicted) {
    const index = remaining.indexOf(skill);
    if (index >= 0) {
      remaining.splice(index, 1);
      matched += 1;
    } else {
      unmatched.push(skill);
    }
  }

  for (const skill of unmatched) {
    const index = remaining.findIndex((candidate) => similarity(candidate, skill) >= SKILL_FUZZY_MIN_SIMILARITY);
    if (index >= 0) {
      remaining.splice(index, 1);
      matched += 1;
    }
  }
  return matched;
}

/** 1 − Levenshtein distance ÷ length of the longer string. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;

  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let row = 1; row <= a.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = previous[column - 1]! + (a[row - 1] === b[column - 1] ? 0 : 1);
      current.push(Math.min(previous[column]! + 1, current[column - 1]! + 1, substitution));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longer;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
