import { describe, expect, it } from 'vitest';

import { normalizeSalary } from './normalize-salary.js';

describe('normalizeSalary', () => {
  it.each([
    // text, min, max, currency, period, isPeriodExplicit
    ['KSh 80-120K per month', 80000, 120000, 'KES', 'monthly', true],
    ['KSh 80K-120K', 80000, 120000, 'KES', 'monthly', false],
    ['KSh 120,000+', 120000, null, 'KES', 'monthly', false],
    ['Less than 75,000', null, 75000, 'KES', 'monthly', false],
    ['Ksh 50K', 50000, 50000, 'KES', 'monthly', false],
    ['KShs. 80,000/=', 80000, 80000, 'KES', 'monthly', false],
    ['Kshs. 50,000/= per month', 50000, 50000, 'KES', 'monthly', true],
    ['50,000 Kenya shillings per month', 50000, 50000, 'KES', 'monthly', true],
    ['Kes 30,000 - 45,000 per month', 30000, 45000, 'KES', 'monthly', true],
    ['Salary: KSh 30,000 – KSh 50,000/month', 30000, 50000, 'KES', 'monthly', true],
    ['SALARY: KSH 30,000-50,000 / MONTH', 30000, 50000, 'KES', 'monthly', true],
    ['Gross Salary-27k', 27000, 27000, 'KES', 'monthly', false],
    ['USD 1000 - 1500', 1000, 1500, 'USD', 'monthly', false],
    ['Pay Range: $22.84/hour – $26.20/hour', 22.84, 26.2, 'USD', 'hourly', true],
    ['USD 60,000 per annum', 60000, 60000, 'USD', 'yearly', true],
    ['Daily rate: KSh 1,500 per day', 1500, 1500, 'KES', 'daily', true],
    ['The consultant’s fee will be $6,000 to be paid upon the successful completion of the assignment', 6000, 6000, 'USD', 'one_time', true],
    ['Basic Salary Scale: Kshs. 99,900 – 169,140 Per month; House Allowance: Kshs 30,000', 99900, 169140, 'KES', 'monthly', true],
  ])('reads %j', (text, min, max, currency, period, isPeriodExplicit) => {
    const salary = normalizeSalary(text);

    expect(salary.min).toBe(min);
    expect(salary.max).toBe(max);
    expect(salary.currency).toBe(currency);
    expect(salary.period).toBe(period);
    expect(salary.isPeriodExplicit).toBe(isPeriodExplicit);
    expect(salary.isDisclosed).toBe(true);
  });

  it.each([
    ['Gross Salary-27k', 'gross'],
    ['Net pay KSh 40,000 per month', 'net'],
    ['Basic Salary Scale: Kshs. 99,900 – 169,140 Per month', 'basic'],
    ['Salary: KSh 40,000 per month', null],
  ])('reads the basis of %j', (text, basis) => {
    expect(normalizeSalary(text).basis).toBe(basis);
  });

  it.each([
    ['KES Confidential'],
    ['Confidential'],
    ['Negotiable'],
    ['Competitive salary and benefits.'],
    ['Base Salary: Not Disclosed'],
    ['Salary: As Prescribed by Salaries and Remuneration Commission (SRC)'],
    ['Remuneration is aligned with experience and current market standards.'],
    ['REMUNERATION: COMMISSION BASED 20-50%'],
    ['Energy & UtilitiesConfidentialShare linkShare on WhatsApp'],
  ])('reads %j as withheld', (text) => {
    const salary = normalizeSalary(text);

    expect(salary.isDisclosed).toBe(false);
    expect(salary.min).toBeNull();
    expect(salary.max).toBeNull();
    expect(salary.currency).toBeNull();
    expect(salary.period).toBeNull();
    expect(salary.isPeriodExplicit).toBeNull();
  });

  it('reads a BrighterMonday header range as negotiable', () => {
    const salary = normalizeSalary('Web Designer\nNairobi\nFull Time\nKSh\n 75,000 - 90,000\n Negotiable\nEasy Apply');

    expect(salary).toMatchObject({ min: 75000, max: 90000, currency: 'KES', period: 'monthly', isNegotiable: true });
    expect(salary.isPeriodExplicit).toBe(false);
  });

  it('notes commission next to an amount', () => {
    const salary = normalizeSalary('USD\n500 - 750\nPlus Commission');

    expect(salary).toMatchObject({ min: 500, max: 750, currency: 'USD', hasCommission: true, isNegotiable: false });
  });

  it.each([
    ['Grow the loan portfolio to KES 50,000,000 by year end.'],
    ['Achieve monthly sales targets of KSh 2M.'],
    ['The company has an annual revenue of $3 million.'],
    ['Apply Now and Win Up to $35,000'],
    ['There is NO fee charged. Founded in 2003, we serve 5,000 customers across 12 counties.'],
    ['Customer Service Agent. Related Jobs Showing 1 - 5 of 28 jobs County Chief Officer KSH 137,070-203,010 / MONTH'],
    ['House Allowance: Kshs 30,000'],
    ['Minimum 3 years experience; deadline 19 December 2023.'],
    ['About us: we lend to small businesses. Currently, more than 7 million people across Kenya have used our app.'],
    ['Scale up school feeding from 2.3 million children to 10 million children by 2030.'],
    ['The world leader in serving science, with revenues of more than $24 billion.'],
  ])('finds no pay in %j', (text) => {
    const salary = normalizeSalary(text);

    expect(salary.min).toBeNull();
    expect(salary.max).toBeNull();
    expect(salary.currency).toBeNull();
    expect(salary.isDisclosed).toBeNull();
  });

  it('reads a JSON-LD range with a nested QuantitativeValue', () => {
    const baseSalary = {
      '@type': 'MonetaryAmount',
      currency: 'KES',
      value: { '@type': 'QuantitativeValue', minValue: 40000, maxValue: '60000', unitText: 'MONTH' },
    };

    expect(normalizeSalary('', { baseSalary })).toMatchObject({
      min: 40000,
      max: 60000,
      currency: 'KES',
      period: 'monthly',
      isPeriodExplicit: true,
      isDisclosed: true,
    });
  });

  it('reads a JSON-LD scalar value with the unit on the outer object', () => {
    const baseSalary = { '@type': 'MonetaryAmount', currency: 'usd', value: 25, unitText: 'HOUR' };

    expect(normalizeSalary(null, { baseSalary })).toMatchObject({ min: 25, max: 25, currency: 'USD', period: 'hourly' });
  });

  it('reads a JSON-LD string as text', () => {
    expect(normalizeSalary(undefined, { baseSalary: 'KSh 45,000 - KSh 60,000/month' })).toMatchObject({
      min: 45000,
      max: 60000,
      period: 'monthly',
    });
  });

  it('returns nothing for text without pay', () => {
    expect(normalizeSalary('Drive the company van safely.')).toEqual({
      min: null,
      max: null,
      currency: null,
      period: null,
      isDisclosed: null,
      basis: null,
      isNegotiable: false,
      hasCommission: false,
      isPeriodExplicit: null,
      evidence: null,
    });
  });

  it('never throws on random text', () => {
    const alphabet = 'KShUSD$€£0123456789,.-–/=+kKmM per month annum hour Negotiable Confidential salary \n\tÃ©â€™';
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };

    for (let round = 0; round < 500; round++) {
      const length = Math.floor(random() * 300);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

      expect(() => normalizeSalary(text)).not.toThrow();
    }
    expect(() => normalizeSalary('9'.repeat(400))).not.toThrow();
    expect(() => normalizeSalary('KSh '.repeat(5000))).not.toThrow();
  });
});
