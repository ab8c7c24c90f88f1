import { describe, expect, it } from 'vitest';

import { findOrganizationInText, normalizeOrganization } from './normalize-organization.js';

describe('normalizeOrganization', () => {
  it.each([
    ['Acme Widgets Ltd', 'acme widgets'],
    ['ACME WIDGETS LIMITED', 'acme widgets'],
    ['The Acme Widgets Co. Ltd.', 'acme widgets'],
    ['Acme Widgets (K) Ltd', 'acme widgets'],
    ['Safaricom PLC', 'safaricom'],
    ['The Coca-Cola Company', 'coca cola'],
    ['Catholic Relief Services (CRS)', 'catholic relief services'],
    ['Brites Management & Consulting', 'brites management and consulting'],
    ['Café Javas', 'cafe javas'],
    ['Co-operative Bank of Kenya', 'co operative bank of kenya'],
  ])('keys %j as %j', (name, nameKey) => {
    expect(normalizeOrganization(name)?.nameKey).toBe(nameKey);
  });

  it('tidies the display name', () => {
    expect(normalizeOrganization('  Plan   Manpower Limited ,')).toEqual({ name: 'Plan Manpower Limited', nameKey: 'plan manpower' });
  });

  it.each([['Anonymous Employer'], ['Confidential'], ['   '], [null], [undefined]])('returns null for %j', (name) => {
    expect(normalizeOrganization(name)).toBeNull();
  });
});

describe('findOrganizationInText', () => {
  it.each([
    ['14 Nov 2023 Secretary at University of Kabianga Post a Job Company: University of Kabianga Location: Kenya State: Kericho', 'University of Kabianga'],
    ['HR Intern [Type: INTERN, Industry: Consulting] Jobs at: Kazi Solutions Deadline of this Job: Friday', 'Kazi Solutions'],
    ['Job descriptions & requirementsEmployer:Optimise Outsourcing LtdWork Location:Nairobi', 'Optimise Outsourcing Ltd'],
    ['Excelon Limited Workshop Supervisor at Excelon Limited About the Company Excelon Limited addresses', 'Excelon Limited'],
    ['Join us. Kenya Power is looking for a qualified electrician to join its team.', 'Kenya Power'],
  ])('finds the employer in %j', (text, name) => {
    expect(findOrganizationInText(text)).toBe(name);
  });

  it('reads the line after the title in a BrighterMonday header', () => {
    const text = 'U\nNutrition Support Officer, Food Systems\n\n  UNOPS\n\nHealth & Safety\nNairobi\nContract\n';

    expect(findOrganizationInText(text, 'Nutrition Support Officer, Food Systems')).toBe('UNOPS');
  });

  it('reads the second header line without a title', () => {
    const text = 'Wordpress Web Designer\n  Clifford Technologies Ltd\n\nCreative & Design\nNairobi\nFull Time\n';

    expect(findOrganizationInText(text)).toBe('Clifford Technologies Ltd');
  });

  it.each([['Our client is seeking a driver.'], ['Drive the company van safely.'], ['']])('returns null for %j', (text) => {
    expect(findOrganizationInText(text)).toBeNull();
  });
});
