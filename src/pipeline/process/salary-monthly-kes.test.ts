import { describe, expect, it } from 'vitest';

import { salaryMonthlyKes, type SalaryFigures } from './salary-monthly-kes.js';

const KES_MONTHLY: SalaryFigures = { min: 80_000, max: 120_000, currency: 'KES', period: 'monthly', isDisclosed: true };

describe('salaryMonthlyKes', () => {
  it.each([
    ['a monthly range', KES_MONTHLY, 100_000],
    ['a single monthly value', { ...KES_MONTHLY, min: 50_000, max: 50_000 }, 50_000],
    ['an open upper end', { ...KES_MONTHLY, min: 120_000, max: null }, 120_000],
    ['an upper bound only', { ...KES_MONTHLY, min: null, max: 75_000 }, 75_000],
    ['a yearly salary', { ...KES_MONTHLY, min: 1_200_000, max: 1_200_000, period: 'yearly' }, 100_000],
    ['a weekly wage', { ...KES_MONTHLY, min: 3_000, max: 3_000, period: 'weekly' }, 13_000],
    ['a daily rate', { ...KES_MONTHLY, min: 1_000, max: 1_000, period: 'daily' }, 21_667],
    ['an hourly rate', { ...KES_MONTHLY, min: 300, max: 300, period: 'hourly' }, 52_000],
  ] as const)('converts %s', (_case, salary, expected) => {
    expect(salaryMonthlyKes(salary)).toBe(expected);
  });

  it.each([
    ['another currency', { ...KES_MONTHLY, currency: 'USD' }],
    ['undisclosed pay', { ...KES_MONTHLY, isDisclosed: false }],
    ['pay not mentioned', { ...KES_MONTHLY, isDisclosed: null }],
    ['a one-time fee', { ...KES_MONTHLY, period: 'one_time' }],
    ['no period', { ...KES_MONTHLY, period: null }],
    ['no amounts', { ...KES_MONTHLY, min: null, max: null }],
  ] as const)('returns null for %s', (_case, salary) => {
    expect(salaryMonthlyKes(salary)).toBeNull();
  });
});
