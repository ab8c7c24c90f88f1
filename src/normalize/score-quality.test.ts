import { describe, expect, it } from 'vitest';

import { scoreQuality, type QualityInput } from './score-quality.js';

const COMPLETE: QualityInput = {
  title: 'Accountant',
  titleFamily: 'finance_accounting',
  description: 'x'.repeat(2500),
  requirements: 'Requirements: CPA(K), three years of experience, QuickBooks and Excel.'.repeat(3),
  hasOrganization: true,
  hasLocation: true,
  hasSalary: true,
  educationLevel: 'bachelor',
  experienceMinYears: 3,
  skillCount: 4,
};

describe('scoreQuality', () => {
  it('gives a complete posting 1', () => {
    expect(scoreQuality(COMPLETE)).toBe(1);
  });

  it('gives an empty posting 0', () => {
    const empty: QualityInput = {
      title: null,
      titleFamily: null,
      description: null,
      requirements: null,
      hasOrganization: false,
      hasLocation: false,
      hasSalary: false,
      educationLevel: null,
      experienceMinYears: null,
      skillCount: 0,
    };

    expect(scoreQuality(empty)).toBe(0);
  });

  it.each([
    ['no salary', { hasSalary: false }, 0.9],
    ['no family', { titleFamily: null }, 0.9],
    ['a 500-character description', { description: 'x'.repeat(500) }, 0.8],
    ['no requirements section', { requirements: null }, 0.9],
    ['no stated requirements at all', { requirements: null, educationLevel: null, experienceMinYears: null, skillCount: 0 }, 0.8],
    ['no company or location', { hasOrganization: false, hasLocation: false }, 0.8],
  ] as const)('deducts points for %s', (_case, change, score) => {
    expect(scoreQuality({ ...COMPLETE, ...change })).toBe(score);
  });
});
