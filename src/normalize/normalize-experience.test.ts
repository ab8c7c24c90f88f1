import { describe, expect, it } from 'vitest';

import { normalizeExperience } from './normalize-experience.js';

describe('normalizeExperience', () => {
  it.each([
    ['Minimum 3 years’ experience in fleet maintenance', 3, null],
    ['3-5 years of relevant experience in sales', 3, 5],
    ['At least 1 to 3 years Experience in healthcare industry', 1, 3],
    ['5–7 years’ teaching experience, with at least 3 years in a leadership role', 5, 7],
    ['Have had experience in management for a period of not less than five (5) years;', 5, null],
    ['At least three years’ experience in participatory approaches', 3, null],
    ['5+ years’ experience in facilitating training', 5, null],
    ['Must have over 6 years of proven experience in hotel operations', 6, null],
    ['At least 1-2 years of program monitoring and evaluation experience', 1, 2],
    ['Qualifications: At least 8 years in the tech industry, with a minimum of 5 years in fintech', 8, null],
    ['6 months experience in a busy restaurant', 0.5, null],
    ['No experience required. Training is provided.', 0, null],
    ['Minimum3–5 years’ experienceas a professional driver.', 3, 5],
    ['Served for a minimum period of fifteen (15) years, three (3) of which at the grade', 15, null],
  ])('reads the body statement %j', (text, minYears, maxYears) => {
    expect(normalizeExperience(text)).toEqual({ minYears, maxYears });
  });

  it.each([
    ['Job TypeFull TimeQualificationBA/BSc/HNDExperience7 - 10 yearsLocationNairobi', 7, 10],
    ['Job Type: Full Time Experience: 1 year Location: Nairobi', 1, null],
    ['Work Hours: 8 Experience in Months: 12 Level of Education: bachelor degree', 1, null],
    ['Job Overview Gender Female Male Industry Call & Customer Service Experience 0-2 Years Qualification Diploma', 0, 2],
    ['Experience Length: Less than 1 year', 0, 1],
  ])('reads the board facet %j', (text, minYears, maxYears) => {
    expect(normalizeExperience(text)).toEqual({ minYears, maxYears });
  });

  it('prefers the body over a differing facet', () => {
    const text = 'Experience Length:3 years Job descriptions Minimum 4–6 years’ experience as a driver.';

    expect(normalizeExperience(text)).toEqual({ minYears: 4, maxYears: 6 });
  });

  it('keeps the facet maximum when the body states the same minimum', () => {
    const text = 'Experience: 3 – 5 years Location: Nairobi. Minimum 3 years’ relevant workshop experience.';

    expect(normalizeExperience(text)).toEqual({ minYears: 3, maxYears: 5 });
  });

  it('uses the labelled facet when the body is silent', () => {
    expect(normalizeExperience('Duties include driving.', '2 - 4 years')).toEqual({ minYears: 2, maxYears: 4 });
  });

  it.each([
    ['Recruitment Experts who have more than 15 years of combined experience in Recruitment.'],
    ['We offer an educational experience to children aged between 2 and 13 years.'],
    ['Applicants should be aged 25-35 years with experience in sales.'],
    ['The company was founded 20 years ago and has experience across Africa.'],
    ['Experience in security work is an added advantage.'],
    [''],
  ])('returns nulls for %j', (text) => {
    expect(normalizeExperience(text)).toEqual({ minYears: null, maxYears: null });
  });

  it('ignores experience listed for other jobs in a related-jobs sidebar', () => {
    const text = 'Driver. Related Jobs Showing 1 - 5 of 20 jobs Senior Accountant 5 years experience';

    expect(normalizeExperience(text)).toEqual({ minYears: null, maxYears: null });
  });
});
