import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ParseError } from '../../lib/errors.js';
import { getSiteAdapter } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const adapter = getSiteAdapter('careerjet');
const BASE = 'https://www.careerjet.co.ke';

describe('careerjet listing', () => {
  it('reads a full page of twenty cards', () => {
    const page = adapter.parseListing(fixture('listing-page-1.html'), `${BASE}/jobs?l=Kenya&sort=date`);

    expect(page.postings).toHaveLength(20);
    expect(page.nextPageUrl).toBe(`${BASE}/jobs?l=Kenya&sort=date&p=2`);
    expect(page.postings[0]).toEqual({
      url: `${BASE}/jobad/ke3c6ef3620002`,
      title: 'Assistant Sales Executive',
      organization: 'Tana Water Trust',
      location: 'Nairobi',
      employmentType: null,
      salaryText: 'KES 35,000 - 50,000 per month',
      postedText: '2 days ago',
      isFeatured: false,
    });
  });

  it('reads a short last page without pager', () => {
    const page = adapter.parseListing(fixture('listing-last.html'), `${BASE}/jobs?l=Kenya&sort=date&p=3`);
    expect(page.postings).toHaveLength(4);
    expect(page.nextPageUrl).toBeNull();
  });

  it('reads the URL from data-url when the link is missing', () => {
    const html = '<ul class="jobs"><li><article class="job clicky" data-url="/jobad/ke0f1e"><header><h2>Clerk</h2></header></article></li></ul>';
    const page = adapter.parseListing(html, `${BASE}/jobs`);
    expect(page.postings.map((card) => card.url)).toEqual([`${BASE}/jobad/ke0f1e`]);
  });

  it('rejects the verification page', () => {
    expect(() => adapter.parseListing(fixture('challenge.html'), `${BASE}/jobs`)).toThrow(ParseError);
  });
});

describe('careerjet detail', () => {
  it('reads the header details', () => {
    const url = `${BASE}/jobad/kedaa66d130003`;
    const posting = adapter.parseDetail(fixture('detail.html'), url);

    expect(posting).toEqual({
      url,
      title: 'Field Officer',
      organization: 'Kilima Microfinance',
      location: 'Nairobi',
      employmentType: 'Permanent, Part Time',
      salaryText: null,
      salary: null,
      education: null,
      experience: null,
      datePosted: '3 days ago',
      deadline: null,
      descriptionText: expect.stringMatching(/^Sama formerly known as Samasource[\s\S]*\nAt least 2 years of experience\.$/),
      descriptionHtml: expect.stringMatching(/^<p>Sama formerly/),
      requirementsText: null,
      requirementsHtml: null,
      applyUrl: `${BASE}/jobad/kedaa66d130003/apply`,
      industry: null,
      positionTitles: [],
      jsonLd: null,
      extractedBy: 'labelled',
    });
  });

  it('rejects the verification page', () => {
    expect(() => adapter.parseDetail(fixture('challenge.html'), `${BASE}/jobad/x`)).toThrow('anti-bot challenge');
  });
});
