import { z } from 'zod';

/**
 * A calendar date written as YYYY-MM-DD. `Date.parse` rolls impossible days such as 2024-02-30
 * over into the next month instead of failing, so the date must survive a round trip unchanged.
 */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealCalendarDate, 'expected a real calendar date as YYYY-MM-DD');

function isRealCalendarDate(value: string): boolean {
  const timeMs = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(timeMs) && new Date(timeMs).toISOString().slice(0, 10) === value;
}
