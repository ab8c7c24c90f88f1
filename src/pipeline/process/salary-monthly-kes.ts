/**
 * The monthly pay in Kenya shillings that salary reports aggregate: the midpoint of a disclosed
 * KES range, converted from its pay period to a month.
 */
import type { SalaryPeriod } from '../../normalize/vocabulary.js';

/**
 * Months per pay period, for a 40-hour, 5-day working week: 52 weeks / 12 months = 4.33 weeks,
 * so 21.67 working days and 173.33 working hours a month. A one-time fee has no monthly
 * equivalent.
 */
const MONTHLY_FACTORS: Record<SalaryPeriod, number | null> = {
  hourly: (40 * 52) / 12,
  daily: (5 * 52) / 12,
  weekly: 52 / 12,
  monthly: 1,
  yearly: 1 / 12,
  one_time: null,
};

export interface SalaryFigures {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: SalaryPeriod | null;
  isDisclosed: boolean | null;
}

/**
 * Returns the monthly KES midpoint of a disclosed salary, rounded to whole shillings. An open
 * range ("KSh 120,000+", "Less than 75,000") counts its one end. Returns null for other
 * currencies, undisclosed pay, a missing period and one-time fees.
 */
export function salaryMonthlyKes(salary: SalaryFigures): number | null {
  if (salary.isDisclosed !== true || salary.currency !== 'KES' || salary.period === null) {
    return null;
  }

  const factor = MONTHLY_FACTORS[salary.period];
  const midpoint = midpointOf(salary.min, salary.max);
  if (factor === null || midpoint === null) {
    return null;
  }
  return Math.round(midpoint * factor);
}

function midpointOf(min: number | null, max: number | null): number | null {
  if (min !== null && max !== null) {
    return (min + max) / 2;
  }
  return min ?? max;
}
