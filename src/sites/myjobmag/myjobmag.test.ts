import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { ParseError } from '../../lib/errors.js';
import { getSiteAdapter } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const adapter = getSiteAdapter('myjobmag');
const BASE = 'https://www.myjobmag.co.ke';

describe('myjobmag listing', () => {
  it('skips ad slots and the sidebar', () => {
    const page = adapter.parseListing(fixture('listing-page-1.html'), `${BASE}/jobs`);

    expect(page.postings).toHaveLength(10);
    expect(page.postings.some((card) => card.url.includes('popular-role'))).toBe(false);
    expect(page.nextPageUrl).toBe(`${BASE}/jobs/page/2`);
    expect(page.postings[0]).toEqual({
      url: `${BASE}/job/assistant-sales-executive-tana-water-trust-0002`,
      title: 'Assistant Sales Executive',
      organization: 'Tana Water Trust',
      location: 'Nairobi',
      employmentType: null,
      salaryText: null,
      postedText: '28 February',
      isFeatured: false,
    });
  });

  it('reports an empty page', () => {
    expect(adapter.parseListing(fixture('listing-empty.html'), `${BASE}/jobs/page/9`).isEmpty).toBe(true);
  });
});

describe('myjobmag detail', () => {
  it('reads JSON-LD with raw line breaks', () => {
    const url = `${BASE}/job/field-officer-kilima-microfinance-0003`;
    const posting = adapter.parseDetail(fixture('detail.html'), url);

    expect(posting).toMatchObject({
      url,
      title: 'Field Officer',
      organization: 'Kilima Microfinance',
      location: 'Nairobi',
      employmentType: 'Part Time , Onsite',
      salaryText: 'KSh 25,000 - KSh 40,000/month',
      salary: null,
      education: 'Diploma',
      experience: '4 years',
      datePosted: '2026-02-27T00:00:00.000Z',
      deadline: '2026-03-29T00:00:00.000Z',
      applyUrl: `${BASE}/apply-now/1003`,
      industry: 'Logistics',
      positionTitles: [],
      extractedBy: 'json-ld',
    });
    expect(posting).toHaveProperty('descriptionHtml', expect.stringMatching(/^<p>Sama formerly/));
  });

  it('falls back to key info without JSON-LD', () => {
    const url = `${BASE}/job/planner-dhl`;
    const posting = adapter.parseDetail(fixture('detail-no-json-ld.html'), url);

    expect(posting).toEqual({
      url,
      title: 'Planner',
      organization: 'DHL',
      location: null,
      employmentType: 'Full Time',
      salaryText: null,
      salary: null,
      education: 'BA/BSc/HND , Diploma',
      experience: null,
      datePosted: 'March 2, 2026',
      deadline: null,
      descriptionText: 'Role Outline\nPlan daily warehouse operations so that customer orders leave on time.\nBuild the weekly shift plan.\nTrack contractual KPIs.',
      descriptionHtml: expect.stringContaining('<li>Build the weekly shift plan.</li>'),
      requirementsText: null,
      requirementsHtml: null,
      applyUrl: `${BASE}/apply-now/1234567`,
      industry: 'Logistics, Procurement / Store-keeping / Supply Chain',
      positionTitles: [],
      jsonLd: null,
      extractedBy: 'labelled',
    });
  });

  it('lists the positions of a multi-job page', () => {
    const posting = adapter.parseDetail(fixture('multi-job.html'), `${BASE}/jobs/job-openings-at-pwani-health-services`);
    expect(posting).toMatchObject({ organization: 'Pwani Health Services', positionTitles: ['Clinical Officer', 'Registered Nurse'] });
  });

  it('reports Job Not Found', () => {
    const url = `${BASE}/job/removed-role`;
    expect(adapter.parseDetail(fixture('not-found.html'), url)).toEqual({ url, missing: 'not_found', reason: 'Job Not Found' });
  });

  it('rejects the Cloudflare challenge', () => {
    expect(() => adapter.parseDetail(fixture('challenge.html'), `${BASE}/job/x`)).toThrow(ParseError);
  });
});
