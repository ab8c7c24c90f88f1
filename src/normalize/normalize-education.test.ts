import { describe, expect, it } from 'vitest';

import { normalizeEducation } from './normalize-education.js';

describe('normalizeEducation', () => {
  it.each([
    ['Qualifications & Requirements MinimumKCSE certificate. Valid driving license', 'secondary'],
    ['Job Details Form 4 certificate. Valid Certificate of Good Conduct.', 'secondary'],
    ['KCSE mean grade D+ and above. Diploma or Certificate in Sales and Marketing.', 'certificate'],
    ['KCSE Certificate mean grade (C-). Shorthand II (80 w.p.m) The above qualification should be from KNEC', 'certificate'],
    ['Diploma in Mechanical Engineering, Automotive Engineering, or a related field.', 'diploma'],
    ['Minimum of Diploma or bachelor’s degree in development studies', 'diploma'],
    ['TSC certification and Degree in Education/ Diploma in ECDE.', 'diploma'],
    ['Associate’s or Bachelor’s degree in Business, Supply Chain, or a related field', 'diploma'],
    ['Higher National Diploma in Electrical Engineering', 'diploma'],
    ['Bachelor’s Degree in Accounting & Finance.', 'bachelor'],
    ['Degree in mechanical or mechatronics engineering.', 'bachelor'],
    ['Bachelor of Education (B.Ed.). A Master’s degree in Education is an added advantage.', 'bachelor'],
    ['Post-graduate diploma in Human Resource Management', 'postgraduate_diploma'],
    ['A minimum of a Master’s degree in Economics or Statistics.', 'master'],
    ['An advanced university degree (masters or equivalent) in law.', 'master'],
    ['PhD in Agricultural Economics.', 'doctorate'],
  ])('reads %j', (text, expected) => {
    expect(normalizeEducation(text).level).toBe(expected);
  });

  it.each([
    ['Workshop Supervisor Job Type: Full Time, Onsite Qualification: Diploma Experience: 3 – 5 years', 'diploma'],
    ['Operations Team LeaderJob TypeFull TimeQualificationBA/BSc/HND,DiplomaExperience5 years', 'diploma'],
    ['Finance ManagerJob TypeFull TimeQualificationBA/BSc/HNDExperience7 - 10 years', 'bachelor'],
    ['Job Overview Industry Wholesale Experience 0-2 Years Qualification Bachelor Degree Certificate Diploma Related', 'certificate'],
    ['Min Qualification:HighschoolExperience Level:Mid level', 'secondary'],
    ['Work Hours: 8 Experience in Months: 12 Level of Education: bachelor degree Job application procedure', 'bachelor'],
  ])('reads the board facet in %j', (text, expected) => {
    expect(normalizeEducation(text).level).toBe(expected);
  });

  it('lets a required level beat a preferred one', () => {
    const text = 'Preferred Qualification Business degree. Education Higher Diplomas: Business, Commerce (Required)';

    expect(normalizeEducation(text).level).toBe('diploma');
  });

  it('falls back to a preferred level when nothing is required', () => {
    expect(normalizeEducation('Bachelor’s degree in Hospitality Management (preferred).').level).toBe('bachelor');
  });

  it('lets the body beat the labelled facet', () => {
    expect(normalizeEducation('Requirements: Diploma in Nursing.', 'BA/BSc/HND').level).toBe('diploma');
  });

  it('uses the labelled facet when the body is silent', () => {
    expect(normalizeEducation('Drive the company van.', 'BA/BSc/HND , Diploma').level).toBe('diploma');
  });

  it.each([
    ['Issue certificates for all participants. Use secondary data and literature.'],
    ['Offers a high degree of professional freedom and a 360 degree view.'],
    ['Be a fully qualified teacher (QTS or have a valid TSC Certificate). Police Clearance Certificate.'],
    ['Minimum Qualification : Unspecified'],
    ['Internship & Graduate'],
    [''],
  ])('returns null for %j', (text) => {
    expect(normalizeEducation(text).level).toBeNull();
  });

  it('lists professional qualifications apart from the level', () => {
    const text =
      'Bachelor’s Degree. Professional Qualification from a recognized accounting body (CPA or ACCA). Must be an ICPAK member. Valid driving licence.';

    expect(normalizeEducation(text)).toEqual({
      level: 'bachelor',
      professionalQualifications: ['CPA', 'ACCA', 'ICPAK', 'driving licence'],
    });
  });

  it('does not read TSC members as a registration', () => {
    expect(normalizeEducation('Loans to civil servants, TSC members and employees.').professionalQualifications).toEqual([]);
  });
});
