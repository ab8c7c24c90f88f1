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
    ['a listing of all jobs', 'Senior', 'Reset RSS Showing all 12 jobs Sort by New Jobs Featured', JOB_URL, 'category page'],
    [
      'a listing without a count',
      'Human Resources',
      'Filters Deployment Coordinator Plan International Nairobi Full Time 2 days ago Secretary County Government of Kakamega Full Time 2 days ago ' +
        'Resume Writer KMO Digital Solutions Remote 5 days ago Attachment Opportunities Kenya Revenue Authority Internship 6 days ago',
      JOB_URL,
      'category page',
    ],
    ['a pricing page', 'Employer Packages', 'Affordable Job Posting Packages for Employers. Basic Jobs KSh 500 Add to cart', JOB_URL, 'pricing page'],
    ['a sign-in form', 'Job Dashboard', 'Login Username or email address * Required Password * Required Remember me Log in Lost your password?', JOB_URL, 'sign-in page'],
    ['a blog article', 'Blog', 'Editorial Team February 17, 2026 Careers What Job Hunting Did to My Confidence', JOB_URL, 'article'],
  ])('rejects %s', (_case, title, text, url, reason) => {
    expect(detectNonJob({ title, text, url })).toEqual({ isJob: false, reason });
  });

  it.each([
    ['a vacancy', 'Accountant', 'We are looking for an accountant with CPA(K).'],
    ['a consultancy', 'Consultancy to Conduct a Baseline Survey', 'The consultant will design tools and report findings.'],
    ['an individual consultant request', 'Training Consultant', 'We invite individual consultants to apply; the fee is paid on completion.'],
    ['a posting with its own age', 'Driver', 'Driver Lebua Farm Nairobi Full Time KES Confidential Easy Apply New 2 days ago Job Summary: drive staff.'],
    ['a posting about packaging', 'Packaging Operator', 'Operate the packaging line and record output per shift.'],
  ])('accepts %s', (_case, title, text) => {
    expect(detectNonJob({ title, text, url: JOB_URL })).toEqual({ isJob: true, reason: null });
  });
});
