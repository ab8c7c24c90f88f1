import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { getSiteAdapter } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const adapter = getSiteAdapter('jobwebkenya');
const BASE = 'https://jobwebkenya.com';

describe('jobwebkenya listing', () => {
  it('splits "Title at Company" cards', () => {
    const page = adapter.parseListing(fixture('listing-page-1.html'), `${BASE}/jobs/`);

    expect(page.postings).toHaveLength(10);
    expect(page.nextPageUrl).toBe(`${BASE}/jobs/page/2/`);
    expect(page.postings[0]).toEqual({
      url: `${BASE}/jobs/assistant-sales-executive-tana-water-trust-0002/`,
      title: 'Assistant Sales Executive',
      organization: 'Tana Water Trust',
      location: 'Nairobi',
      employmentType: null,
      salaryText: null,
      postedText: '28/Feb/2026',
      isFeatured: false,
    });
  });

  it('ends on a page without next link', () => {
    expect(adapter.parseListing(fixture('listing-last.html'), `${BASE}/jobs/page/3/`).nextPageUrl).toBeNull();
  });

  it('reports an empty page', () => {
    expect(adapter.parseListing(fixture('listing-empty.html'), `${BASE}/jobs/page/9/`).isEmpty).toBe(true);
  });
});

describe('jobwebkenya detail', () => {
  it('reads the labelled block and closing date', () => {
    const url = `${BASE}/jobs/field-officer-kilima-microfinance-0003/`;
    const posting = adapter.parseDetail(fixture('detail.html'), url);

    expect(posting).toEqual({
      url,
      title: 'Field Officer',
      organization: 'Kilima Microfinance',
      location: 'Nairobi',
      employmentType: 'Part Time',
      salaryText: null,
      salary: null,
      education: null,
      experience: null,
      datePosted: '27 Feb 2026',
      deadline: '29 March. 2026',
      descriptionText: expect.stringMatching(/^Sama formerly known as Samasource[\s\S]*Method of Application\nSend your CV to \[email protected\] quoting the job title\.\nClosing Date : 29 March\. 2026$/),
      descriptionHtml: expect.stringContaining('<h2>Method of Application</h2>'),
      requirementsText: null,
      requirementsHtml: null,
      applyUrl: null,
      industry: 'Logistics',
      positionTitles: [],
      jsonLd: null,
      extractedBy: 'labelled',
    });
  });

  it('lists positions of a links-only post', () => {
    const posting = adapter.parseDetail(fixture('detail-links-list.html'), `${BASE}/jobs/submit-cvs-kilima-microfinance/`);

    expect(posting).toMatchObject({
      title: 'Submit CVs',
      organization: 'Kilima Microfinance',
      employmentType: null,
      industry: 'Banking, Kilima Microfinance',
      positionTitles: ['Loan Officer', 'Branch Manager'],
    });
  });
});
