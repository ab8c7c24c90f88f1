import { describe, expect, it } from 'vitest';

import { normalizePosting, type PostingInput } from './normalize-posting.js';

const FETCHED_AT = new Date('2026-02-10T08:00:00Z');

const POSTING: PostingInput = {
  url: 'https://www.example.co.ke/job/accountant-acme',
  source: 'example',
  title: 'Senior Accountant at Acme Distributors Ltd',
  text:
    'Senior Accountant at Acme Distributors Ltd. Job Type: Full Time. Location: Thika. ' +
    'Acme Distributors is an FMCG distributor serving central Kenya. ' +
    'Duties: prepare monthly financial statements, reconcile bank accounts and file VAT returns on iTax. ' +
    'Requirements: Bachelor of Commerce (Accounting); CPA(K); at least 5 years of experience; proficiency in QuickBooks and Excel. ' +
    'Salary: KSh 80,000 - 100,000 per month. Deadline: 28th February 2026.',
  fetchedAt: FETCHED_AT,
};

describe('normalizePosting', () => {
  it('normalizes every field of a plain-text posting', () => {
    const posting = normalizePosting(POSTING);

    expect(posting.titleFamily).toBe('finance_accounting');
    expect(posting.titleCanonical).toBe('accountant');
    expect(posting.seniority).toBe('senior');
    expect(posting.location.region).toBe('Kiambu');
    expect(posting.location.city).toBe('Thika');
    expect(posting.employmentType).toBe('full_time');
    expect(posting.education.level).toBe('bachelor');
    expect(posting.experience.minYears).toBe(5);
    expect(posting.salary).toMatchObject({ min: 80000, max: 100000, currency: 'KES', period: 'monthly' });
    expect(posting.deadline).toBe('2026-02-28');
    expect(posting.skills.map((skill) => skill.name)).toEqual(expect.arrayContaining(['quickbooks', 'excel']));
    expect(posting.isJob).toBe(true);
    expect(posting.warnings).toEqual([]);
  });

  it('prefers JSON-LD values over the text', () => {
    const posting = normalizePosting({
      ...POSTING,
      jsonLd: {
        '@type': 'JobPosting',
        title: 'Credit Officer',
        hiringOrganization: { '@type': 'Organization', name: 'Faulu Bank' },
        jobLocation: { '@type': 'Place', address: { addressLocality: 'Eldoret', addressCountry: 'KE' } },
        employmentType: 'CONTRACTOR',
      },
      text: 'We are hiring. Location: Thika.',
    });

    expect(posting.title).toBe('Credit Officer');
    expect(posting.organization?.name).toContain('Faulu');
    expect(posting.employmentType).toBe('contract');
  });

  it('nulls the family of a tender', () => {
    const posting = normalizePosting({
      ...POSTING,
      title: 'Cleaning Services',
      text: 'Expression of Interest: qualified cleaning companies are invited to submit their profiles.',
    });

    expect(posting.isJob).toBe(false);
    expect(posting.nonJobReason).toBe('tender or expression of interest');
    expect(posting.titleFamily).toBeNull();
  });

  it('clears job-level fields of a non-job', () => {
    const posting = normalizePosting({
      ...POSTING,
      title: 'Cleaning Services',
      text: `Expression of Interest: qualified cleaning companies are invited to submit their profiles. ${POSTING.text}`,
    });

    expect(posting.nonJobReason).toBe('tender or expression of interest');
    expect(posting.employmentType).toBeNull();
    expect(posting.salary.min).toBeNull();
    expect(posting.salary.max).toBeNull();
    expect(posting.education.level).toBeNull();
    expect(posting.experience.minYears).toBeNull();
    expect(posting.skills).toEqual([]);
    expect(posting.deadline).toBe('2026-02-28');
    expect(posting.location.region).toBe('Kiambu');
  });

  it('passes the page text before furniture to the dates normalizer', () => {
    const posting = normalizePosting({
      ...POSTING,
      title: 'Workshop Supervisor at Excelon Limited',
      text:
        'Workshop Supervisor at Excelon Limited. Supervise the workshop team. ' +
        'Related Jobs Showing 1 - 2 of 9 jobs Driver at Acme Ltd Acme Ltd Nairobi Full Time 2 days ago ' +
        'Workshop Supervisor at Excelon Limited Excelon Limited Thika Full Time 3 hours ago',
    });

    expect(posting.postedRelative).toBe('3 hours ago');
    expect(posting.description).not.toContain('Related Jobs');
  });

  it('gives equal content hashes to texts that differ only in formatting', () => {
    const spaced = normalizePosting({ ...POSTING, text: POSTING.text!.replace(/\. /g, '.\n\n') });

    expect(spaced.contentHash).toBe(normalizePosting(POSTING).contentHash);
    expect(spaced.contentHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    ['null title and text', { title: null, text: null }],
    ['an empty text', { text: '' }],
    ['a 1 MB text', { text: 'Accountant needed in Nakuru. '.repeat(40_000) }],
    ['control characters', { text: '\u0000\u0007\uFFFD Ã©Ã¨ \uD800' }],
    ['a malformed JSON-LD node', { jsonLd: { title: 42, hiringOrganization: [null], jobLocation: 'Nairobi', baseSalary: { value: 'x' } } }],
  ])('never throws on %s', (_case, change) => {
    expect(() => normalizePosting({ ...POSTING, ...change })).not.toThrow();
  });

  it('scores a complete posting as high quality', () => {
    expect(normalizePosting(POSTING).qualityScore).toBeGreaterThanOrEqual(0.7);
  });
});
