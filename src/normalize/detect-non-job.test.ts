import { describe, expect, it } from 'vitest';

import { detectNonJob } from './detect-non-job.js';

const JOB_URL = 'https://www.example.co.ke/job/accountant-acme';

describe('detectNonJob', () => {
  it.each([
    ['an expression of interest to firms', 'Cleaning Services', 'Inviting Reputable Companies to Submit Expressions of Interest (EOI) for Office Cleaning.', JOB_URL, 'tender or expression of interest'],
    ['a tender title', 'Tender for Supply of Stationery', 'Sealed bids are invited.', JOB_URL, 'tender or expression of interest'],
    ['a missing job', 'Job Not Found', 'The page you requested does not exist.', JOB_URL, 'job not found'],
    ['an expired notice', 'Accountant', 'This job has expired and is no longer accepting applications.', JOB_URL, 'expired notice'],
    ['a parked domain', 'jobs-kenya.co.ke', 'This domain is for sale. Buy this domain today.', JOB_URL, 'parked domain'],
    ['a category page', 'Accounting Jobs', 'Showing 1 - 20 of 340 jobs', 'https://www.example.co.ke/jobs-by-field/accounting', 'category page'],
    ['a shortlist', 'Shortlisted Candidates for Interview.pdf', 'The following candidates have been shortlisted.', JOB_URL, 'notice document'],
    ['a scholarship', 'Fully Funded Masters Scholarships 2026', 'Apply now.', JOB_URL, 'scholarship advert'],
    ['an empty page', null, '', JOB_URL, 'empty page'],
  ])('rejects %s', (_case, title, text, url, reason) => {
    expect(detectNonJob({ title, text, url })).toEqual({ isJob: false, reason });
  });

  it.each([
    ['a vacancy', 'Accountant', 'We are looking for an accountant with CPA(K).'],
    ['a consultancy', 'Consultancy to Conduct a Baseline Survey', 'The consultant will design tools and report findings.'],
    ['an individual consultant request', 'Training Consultant', 'We invite individual consultants to apply; the fee is paid on completion.'],
  ])('accepts %s', (_case, title, text) => {
    expect(detectNonJob({ title, text, url: JOB_URL })).toEqual({ isJob: true, reason: null });
  });
});
