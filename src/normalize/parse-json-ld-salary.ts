/**
 * schema.org `baseSalary` values from JSON-LD: a MonetaryAmount whose `value` is a QuantitativeValue
 * (minValue, maxValue, value, unitText), a MonetaryAmount with a scalar `value` and `unitText` on the
 * outer object, or a plain string that the text parser handles.
 */
import type { SalaryPeriod } from './vocabulary.js';

export interface JsonLdSalary {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: SalaryPeriod | null;
}

const PERIOD_BY_UNIT_TEXT: Readonly<Record<string, SalaryPeriod>> = {
  HOUR: 'hourly',
  DAY: 'daily',
  WEEK: 'weekly',
  MONTH: 'monthly',
  YEAR: 'yearly',
};

/**
 * Reads a structured `baseSalary`. Returns null when it carries no positive amount, and for strings,
 * which the caller parses as text.
 */
export function parseJsonLdSalary(baseSalary: unknown): JsonLdSalary | null {
  const amount = Array.isArray(baseSalary) ? baseSalary[0] : baseSalary;
  if (!isRecord(amount)) return null;

  const inner = isRecord(amount.value) ? amount.value : amount;
  const single = toAmount(inner.value ?? (inner === amount ? undefined : amount.value));
  const min = toAmount(inner.minValue) ?? single;
  const max = toAmount(inner.maxValue) ?? single;
  if (min === null && max === null) return null;

  const unitText = toText(inner.unitText) ?? toText(amount.unitText);
  const currency = toText(amount.currency) ?? toText(inner.currency);
  return {
    min,
    max,
    currency: currency === null ? null : currency.toUpperCase(),
    period: unitText === null ? null : (PERIOD_BY_UNIT_TEXT[unitText.toUpperCase()] ?? null),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toAmount(value: unknown): number | null {
  let parsed = Number.NaN;
  if (typeof value === 'number') parsed = value;
  if (typeof value === 'string') parsed = Number(value.replace(/[,\s]/g, ''));
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

function toText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
