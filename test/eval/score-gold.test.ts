import { describe, expect, it } from 'vitest';

import { countSkillMatches, scoreGold, similarity, type GoldExpected, type GoldPrediction } from '../../scripts/score-gold.js';

const EXPECTED: GoldExpected = {
  salary_min: 30000,
  salary_max: 45000,
  currency: 'KES',
  salary_period: 'monthly',
  region: 'Taita-Taveta',
  employment_type: 'full_time',
  education_level: 'diploma',
  experience_years_min: 0.5,
  title_family: 'technology',
  skills: ['ms office', 'ci/cd', 'problem-solving'],
};

const RIGHT: GoldPrediction = {
  salaryMin: 30000.4,
  salaryMax: 45000,
  currency: 'KES',
  salaryPeriod: 'monthly',
  region: 'TAITA TAVETA',
  employmentType: 'full_time',
  educationLevel: 'diploma',
  experienceMinYears: 0.5,
  titleFamily: 'technology',
  skills: ['MS Office', 'CI/CD', 'problem solving'],
};

describe('scoreGold', () => {
  it('scores a fully right record as 1 everywhere', () => {
    const score = scoreGold([{ id: 'a', expected: EXPECTED, got: RIGHT }]);

    expect(score.accuracy).toEqual({ salary: 1, county: 1, employment_type: 1, education: 1, experience_years: 1, title_family: 1 });
    expect(score.skills).toEqual({ precision: 1, recall: 1 });
    expect(score.misses).toEqual([]);
  });

  it('counts an invented salary as a miss', () => {
    const expected = { ...EXPECTED, salary_min: null, salary_max: null, currency: null, salary_period: null };
    const score = scoreGold([{ id: 'a', expected, got: RIGHT }]);

    expect(score.accuracy.salary).toBe(0);
    expect(score.misses[0]).toMatchObject({ id: 'a', field: 'salary' });
  });

  it('scores skills as micro-averaged precision and recall', () => {
    const score = scoreGold([
      { id: 'a', expected: EXPECTED, got: { ...RIGHT, skills: ['ms office', 'sql'] } },
      { id: 'b', expected: { ...EXPECTED, skills: [] }, got: { ...RIGHT, skills: ['excel', 'git'] } },
    ]);

    expect(score.skills).toEqual({ precision: 0.25, recall: 0.333 });
  });

  it('treats null as equal to null', () => {
    const expected = { ...EXPECTED, region: null, title_family: null };
    const score = scoreGold([{ id: 'a', expected, got: { ...RIGHT, region: null, titleFamily: null } }]);

    expect(score.accuracy.county).toBe(1);
    expect(score.accuracy.title_family).toBe(1);
  });
});

describe('countSkillMatches', () => {
  it('matches near spellings one to one', () => {
    expect(countSkillMatches(['reactjs', 'vue.js'], ['react.js', 'vuejs', 'vue'])).toBe(2);
  });

  it('does not match different skills', () => {
    expect(countSkillMatches(['swahili'], ['kiswahili'])).toBe(0);
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and lower for edits', () => {
    expect(similarity('excel', 'excel')).toBe(1);
    expect(similarity('excel', 'excell')).toBeCloseTo(0.833, 3);
  });
});
