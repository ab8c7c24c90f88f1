import { describe, expect, it } from 'vitest';

import { normalizeLocation } from './normalize-location.js';

describe('normalizeLocation', () => {
  it.each([
    ['a bare board facet line', 'Accounts Clerk\nAcme Ltd\nNairobi\nFull Time', 'Nairobi', 'Nairobi'],
    ['a town mapped to its county', 'Location: Eldoret\nWe are hiring a driver.', 'Uasin Gishu', 'Eldoret'],
    ['a glued MyJobMag label', 'Job TypeFull TimeLocationMombasaJob FieldLogistics', 'Mombasa', 'Mombasa'],
    ['a Nairobi estate', 'Work Location: Westlands, Nairobi (office-based)', 'Nairobi', 'Nairobi'],
    ['a duty station triple', 'Duty Station: Kisumu | Kisumu | Kenya Summary', 'Kisumu', 'Kisumu'],
    ['an apostrophe-free county', 'State: Muranga Job type: Contract', "Murang'a", "Murang'a"],
    ['a hyphenated county', 'Based in Taita Taveta County, the officer will', 'Taita-Taveta', null],
    ['a county without a town of its name', 'Location: Turkana County', 'Turkana', null],
  ])('reads %s', (_case, text, region, city) => {
    const location = normalizeLocation(text);

    expect(location.region).toBe(region);
    expect(location.city).toBe(city);
    expect(location.country).toBe('Kenya');
  });

  it('prefers the title over the facet when the title names a town', () => {
    const location = normalizeLocation('Waiter\nNairobi\nFull Time', null, { title: 'Waiter - Kitengela' });

    expect(location.region).toBe('Kajiado');
    expect(location.city).toBe('Kitengela');
  });

  it('prefers a labelled body location over the State facet', () => {
    const text = 'Location: Kenya State: Nairobi Job type: Full-Time. Job Location: Nakuru, Naivasha and Kisii. Duties follow.';
    const location = normalizeLocation(text);

    expect(location.region).toBe('Nakuru');
    expect(location.regionsAll).toEqual(['Nakuru', 'Kisii']);
  });

  it('ignores the employer name when scanning', () => {
    const location = normalizeLocation('Nakuru Motors Ltd is hiring. Location: Thika', null, { organization: 'Nakuru Motors Ltd' });

    expect(location.region).toBe('Kiambu');
  });

  it('lists every county of a multi-county title', () => {
    const location = normalizeLocation('The officer will support both counties.', null, { title: 'Field Officer – Kwale and Kilifi' });

    expect(location.region).toBe('Kwale');
    expect(location.regionsAll).toEqual(['Kwale', 'Kilifi']);
  });

  it('returns a foreign country for an overseas job', () => {
    const location = normalizeLocation('Plan Recruiters\nOutside Kenya\nWe are hiring waiters for a hotel in Dubai.');

    expect(location.country).toBe('United Arab Emirates');
    expect(location.region).toBeNull();
  });

  it('returns no country for an overseas job that names none', () => {
    const location = normalizeLocation('Agri Ltd\nOutside Kenya\nPart Time\nWe grow maize.');

    expect(location.country).toBeNull();
  });

  it('keeps Kenya without a county for "Rest of Kenya"', () => {
    const location = normalizeLocation('Sales Agent\nRest of Kenya\nFull Time');

    expect(location).toEqual({ country: 'Kenya', region: null, city: null, isRemote: false, regionsAll: [] });
  });

  it('marks a work-from-home facet remote without a country', () => {
    const location = normalizeLocation('Writer\nRemote (Work From Home)\nContract\nKSh 40,000');

    expect(location.isRemote).toBe(true);
    expect(location.country).toBeNull();
  });

  it('does not take a county from the facet when the title says remote', () => {
    const location = normalizeLocation('State: Nairobi. Workshops will be held somewhere in Kenya.', null, { title: 'Facilitator – Remote/Kenya' });

    expect(location.isRemote).toBe(true);
    expect(location.country).toBe('Kenya');
    expect(location.region).toBeNull();
  });

  it('reads a remote country from "remote within"', () => {
    const location = normalizeLocation('This position is classified as Remote within United States.');

    expect(location.country).toBe('United States');
    expect(location.isRemote).toBe(true);
  });

  it('does not read "us" the pronoun as the United States', () => {
    const location = normalizeLocation('Join us as we grow across the region.');

    expect(location.country).toBeNull();
  });

  it('does not treat "remote areas" as remote work', () => {
    const location = normalizeLocation('Location: Garissa. Travel to remote areas of the county is required.');

    expect(location.isRemote).toBe(false);
    expect(location.region).toBe('Garissa');
  });

  it('returns empty values for null text', () => {
    expect(normalizeLocation(null)).toEqual({ country: null, region: null, city: null, isRemote: false, regionsAll: [] });
  });
});
