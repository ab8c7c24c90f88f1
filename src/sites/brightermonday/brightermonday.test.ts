import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ParseError } from '../../lib/errors.js';
import { getSiteAdapter } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const adapter = getSiteAdapter('brightermonday');
const BASE = 'https://www.brightermonday.co.ke';

describe('brightermonday listing', () => {
  it('reads cards with featured first', () => {
    const page = adapter.parseListing(fixture('listing-page-1.html'), `${BASE}/jobs`);

    expect(page.postings).toHaveLength(12);
    expect(page.nextPageUrl).toBe(`${BASE}/jobs?page=2`);
    expect(page.isEmpty).toBe(false);
    expect(page.postings[0]).toEqual({
      url: `${BASE}/listings/lead-driver-jua-solar-kenya-0000`,
      title: 'Lead Driver',
      organization: 'Jua Solar Kenya',
      location: 'Thika',
      employmentType: 'Contract',
      salaryText: 'KSh 35,000 - 50,000',
      postedText: 'Today',
      isFeatured: true,
    });
    expect(page.postings[2]?.isFeatured).toBe(false);
  });

  it('repeats featured cards on the last page', () => {
    const page = adapter.parseListing(fixture('listing-last.html'), `${BASE}/jobs?page=3`);

    expect(page.nextPageUrl).toBeNull();
    expect(page.postings.filter((card) => card.isFeatured).map((card) => card.url)).toEqual([
      `${BASE}/listings/lead-driver-jua-solar-kenya-0000`,
      `${BASE}/listings/customer-service-agent-tana-water-trust-0001`,
    ]);
  });

  it('reports an empty page', () => {
    const page = adapter.parseListing(fixture('listing-empty.html'), `${BASE}/jobs?page=9`);
    expect(page).toEqual({ postings: [], nextPageUrl: null, isEmpty: true });
  });

  it('lists a card linked twice once', () => {
    const page = adapter.parseListing(fixture('listing-reduced.html'), `${BASE}/jobs`);

    expect(page.postings.map((card) => card.url)).toEqual([`${BASE}/listings/company-driver-r8dke4`]);
    expect(page.nextPageUrl).toBeNull();
  });
});

describe('brightermonday detail', () => {
  it('reads JSON-LD with graph references', () => {
    const posting = adapter.parseDetail(fixture('detail.html'), `${BASE}/listings/field-officer-kilima-microfinance-0003`);

    expect(posting).toMatchObject({
      url: `${BASE}/listings/field-officer-kilima-microfinance-0003`,
      title: 'Field Officer',
      organization: 'Kilima Microfinance',
      location: 'Nairobi, Kenya',
      employmentType: 'CONTRACTOR',
      salaryText: 'KSh 25,000 - 40,000',
      salary: { min: 25000, max: 40000, value: null, currency: 'KES', unit: 'MONTH' },
      education: 'Diploma',
      experience: '4 years',
      datePosted: '2026-02-27T00:00:00.000Z',
      deadline: '2026-03-29T00:00:00.000Z',
      requirementsText: null,
      requirementsHtml: null,
      applyUrl: null,
      industry: 'Logistics',
      positionTitles: [],
      extractedBy: 'json-ld',
    });
    expect(posting).toHaveProperty('jsonLd.@type', 'JobPosting');
    expect(posting).toHaveProperty('descriptionText', expect.stringMatching(/^Sama formerly known as Samasource/));
  });

  it('falls back to HTML without JSON-LD', () => {
    const url = `${BASE}/listings/digital-marketing-executive-d7dez4`;
    const posting = adapter.parseDetail(fixture('detail-html-only.html'), url);

    expect(posting).toEqual({
      url,
      title: 'Digital Marketing Executive',
      organization: 'Anonymous Employer',
      location: 'Nairobi',
      employmentType: 'Full Time',
      salaryText: 'Confidential',
      salary: null,
      education: 'Bachelors',
      experience: '3 years',
      datePosted: '1 week ago',
      deadline: null,
      descriptionText:
        'This role is central to driving our digital marketing strategy, ensuring the brand maximises opportunities across paid, owned and earned channels.\nPlan and run paid social campaigns.\nReport weekly on campaign results.',
      descriptionHtml: expect.stringContaining('<li>Plan and run paid social campaigns.</li>'),
      requirementsText: null,
      requirementsHtml: null,
      applyUrl: null,
      industry: null,
      positionTitles: [],
      jsonLd: null,
      extractedBy: 'labelled',
    });
  });

  it('reports an expired posting', () => {
    const url = `${BASE}/listings/head-teacher-jqw47g`;
    expect(adapter.parseDetail(fixture('expired.html'), url)).toEqual({ url, missing: 'expired', reason: 'this job has expired' });
  });

  it('rejects a page without a title', () => {
    expect(() => adapter.parseDetail('<html><body><div></div></body></html>', `${BASE}/listings/x`)).toThrow(ParseError);
  });
});
