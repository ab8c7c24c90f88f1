import { describe, expect, it } from 'vitest';

import { normalizeDates, resolveRelativeAge } from './normalize-dates.js';

// 23:30 in Nairobi on 1 March 2026, so Nairobi and UTC dates differ.
const FETCHED_AT = new Date('2026-03-01T20:30:00Z');

describe('normalizeDates', () => {
  it.each([
    ['Apply before the Closing Date: 19 Dec 2023.', '2023-12-19'],
    ['Deadline: 2023-12-19', '2023-12-19'],
    ['Applications close on 19th December, 2023', '2023-12-19'],
    ['Closing Date : 31 May. 2024 Apply for this Job', '2024-05-31'],
    ['Deadline of this Job: Friday, December 19 2025 Duty Station: Kisumu', '2025-12-19'],
    ['submit their applications on or before Wednesday, March 4, 2026, at 5:00 p.m. (EAT)', '2026-03-04'],
    ['All applications MUST be received on or before 2nd March, 2026 at 5.00pm', '2026-03-02'],
    ['Interested candidates should send before 28th Feb 2026 :', '2026-02-28'],
    ['attach your solution by Thursday 19th February 2026, 5pm EAT', '2026-02-19'],
    ['Deadline: 05/03/2026', '2026-03-05'],
  ])('reads the deadline in %j', (text, deadline) => {
    expect(normalizeDates({ text, fetchedAt: FETCHED_AT }).deadline).toBe(deadline);
  });

  it.each([
    ['29 Sep 2023 National Assessment Coordinator at AU-IBAR', '2023-09-29'],
    ['Summary Date Posted: Friday, December 5 2025, Base Salary: Not Disclosed', '2025-12-05'],
    ['Posted: March 2, 2026 Deadline: March 20, 2026', '2026-03-02'],
    ['Open Period: 12/01/2025 – 12/08/2025', '2025-12-01'],
  ])('reads the posting date in %j', (text, datePosted) => {
    expect(normalizeDates({ text, fetchedAt: FETCHED_AT }).datePosted).toBe(datePosted);
  });

  it.each([
    ['6 days ago', '2026-02-23'],
    ['Today', '2026-03-01'],
    ['Yesterday', '2026-02-28'],
    ['3 hours ago', '2026-03-01'],
    ['1 week ago', '2026-02-22'],
    ['2 months ago', '2026-01-01'],
    ['30+ days ago', '2026-01-30'],
  ])('resolves %j in Nairobi time', (phrase, date) => {
    expect(resolveRelativeAge(phrase, FETCHED_AT)).toBe(date);
  });

  it('resolves hours across midnight in Nairobi time', () => {
    // 01:30 on 2 March in Nairobi: one hour earlier is still 2 March there, though 21:30 on 1 March in UTC.
    expect(resolveRelativeAge('1 hour ago', new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
    expect(resolveRelativeAge('2 hours ago', new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-01');
  });

  it('keeps a BrighterMonday header age verbatim', () => {
    const text = 'Driver\nAnonymous Employer\nMombasa\nFull Time\nKES\nConfidential\nEasy Apply\nNew\n1 week ago\nJob Summary';

    expect(normalizeDates({ text, fetchedAt: FETCHED_AT })).toEqual({
      datePosted: '2026-02-22',
      deadline: null,
      postedRelative: '1 week ago',
    });
  });

  it('reads a glued header age', () => {
    const text = 'Company DriverAnonymous EmployerDriver & Transport ServicesTodayEasy applyNewRest of Kenya';

    expect(normalizeDates({ text, fetchedAt: FETCHED_AT }).postedRelative).toBe('Today');
  });

  it('takes the age from its own related-jobs entry', () => {
    const text =
      'Excelon Limited Workshop Supervisor at Excelon Limited About the Company Excelon offers HR services. ' +
      'Related Jobs Showing 1 - 5 of 24 jobs Grants Manager at CRS CRS Nairobi, Kenya Full Time 1 hour ago ' +
      'Workshop Supervisor at Excelon Limited Excelon Limited Nairobi, Kenya KSH 30,000-50,000 / MONTH Full Time 3 hours ago';

    expect(normalizeDates({ text, fetchedAt: FETCHED_AT }).postedRelative).toBe('3 hours ago');
    expect(normalizeDates({ text, fetchedAt: FETCHED_AT, title: 'Workshop Supervisor' }).postedRelative).toBe('3 hours ago');
  });

  it('prefers labelled values over the text', () => {
    const dates = normalizeDates({
      text: 'Closing Date: 19 Dec 2023',
      datePosted: '2026-07-22T23:45:32+01:00',
      deadline: 'March 20, 2026',
      fetchedAt: FETCHED_AT,
    });

    expect(dates.datePosted).toBe('2026-07-23');
    expect(dates.deadline).toBe('2026-03-20');
  });

  it('keeps a deadline written before the posting date', () => {
    const dates = normalizeDates({ text: '28 Sep 2023 Intern at Jumbostar. Closing Date : 2 January. 2023', fetchedAt: FETCHED_AT });

    expect(dates.datePosted).toBe('2023-09-28');
    expect(dates.deadline).toBe('2023-01-02');
  });

  it.each([
    ['Founded in 2003, the company has 30 February 2024 nothing.'],
    ['Minimum 3 years experience.'],
    [''],
  ])('returns nulls for %j', (text) => {
    expect(normalizeDates({ text, fetchedAt: FETCHED_AT })).toEqual({ datePosted: null, deadline: null, postedRelative: null });
  });
});
