import { describe, expect, it } from 'vitest';

import { RecordValidationError } from './errors.js';
import { canonicalizeUrl, sourceFromUrl, stripTrackingFromUrl, urlHash } from './canonical-url.js';

describe('canonicalizeUrl', () => {
  const cases: [string, string, string][] = [
    ['lower-cases scheme and host', 'HTTPS://WWW.BrighterMonday.co.ke/listings/Head-Teacher-jqw47g', 'https://www.brightermonday.co.ke/listings/Head-Teacher-jqw47g'],
    ['removes default https port', 'https://jobwebkenya.com:443/jobs/sales-associate/', 'https://jobwebkenya.com/jobs/sales-associate'],
    ['removes default http port', 'http://jobwebkenya.com:80/jobs/a', 'http://jobwebkenya.com/jobs/a'],
    ['keeps a non-default port', 'http://127.0.0.1:8123/jobs/a/', 'http://127.0.0.1:8123/jobs/a'],
    ['removes the fragment', 'https://www.myjobmag.co.ke/job/planner-dhl#apply', 'https://www.myjobmag.co.ke/job/planner-dhl'],
    ['removes utm parameters', 'https://www.myjobmag.co.ke/job/planner-dhl?utm_source=x&utm_medium=y&UTM_Campaign=z', 'https://www.myjobmag.co.ke/job/planner-dhl'],
    ['removes click ids and ref', 'https://www.careerjet.co.ke/jobad/ke123?gclid=1&fbclid=2&ref=home&source=feed', 'https://www.careerjet.co.ke/jobad/ke123'],
    ['sorts kept parameters', 'https://www.careerjet.co.ke/jobs?s=driver&l=Kenya&p=2', 'https://www.careerjet.co.ke/jobs?l=Kenya&p=2&s=driver'],
    ['keeps non-tracking parameters', 'https://meru.go.ke/vacancies/?tk=1771099726', 'https://meru.go.ke/vacancies?tk=1771099726'],
    ['strips one trailing slash', 'https://jobwebkenya.com/jobs/customer-success-associate-umba/', 'https://jobwebkenya.com/jobs/customer-success-associate-umba'],
    ['keeps the root slash', 'https://jobwebkenya.com/', 'https://jobwebkenya.com/'],
    ['keeps path case', 'https://www.mygov.go.ke/sites/default/files/CEO%20Position.pdf', 'https://www.mygov.go.ke/sites/default/files/CEO%20Position.pdf'],
    ['drops an empty query', 'https://www.brightermonday.co.ke/listings/head-teacher-jqw47g?', 'https://www.brightermonday.co.ke/listings/head-teacher-jqw47g'],
    ['trims surrounding spaces', '  https://jobwebkenya.com/jobs/a/  ', 'https://jobwebkenya.com/jobs/a'],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('maps three link forms of one posting to one URL', () => {
    const forms = [
      'https://jobwebkenya.com/jobs/people-partner-maersk-line-3/?utm_source=newsletter',
      'https://jobwebkenya.com/jobs/people-partner-maersk-line-3/',
      'https://jobwebkenya.com/jobs/people-partner-maersk-line-3#apply',
    ];
    expect(new Set(forms.map(canonicalizeUrl)).size).toBe(1);
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('HTTPS://Example.com:443/a/b/?z=1&a=2#x');
    expect(canonicalizeUrl(once)).toBe(once);
  });

  it('rejects a relative URL with the value', () => {
    expect(() => canonicalizeUrl('/jobs/a')).toThrow(RecordValidationError);
    expect(() => canonicalizeUrl('/jobs/a')).toThrow('"/jobs/a"');
  });
});

describe('urlHash', () => {
  it('hashes the canonical form', () => {
    expect(urlHash('https://jobwebkenya.com/jobs/a/#x')).toBe(urlHash('https://JOBWEBKENYA.com/jobs/a'));
  });

  it('returns 64 hex characters', () => {
    expect(urlHash('https://jobwebkenya.com/jobs/a')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('sourceFromUrl', () => {
  const cases: [string, string][] = [
    ['https://www.brightermonday.co.ke/listings/head-teacher-jqw47g', 'brightermonday'],
    ['https://brightermonday.co.ke/jobs', 'brightermonday'],
    ['https://www.careerjet.co.ke/jobad/ke123', 'careerjet'],
    ['https://jobwebkenya.com/jobs/a/', 'jobwebkenya'],
    ['https://m.myjobmag.co.ke/job/planner-dhl', 'myjobmag'],
    ['https://www.standardarena.co.ke/job/intern/', 'standardarena.co.ke'],
    ['https://kitui.go.ke/wp-content/uploads/a.pdf', 'kitui.go.ke'],
  ];

  it.each(cases)('%s → %s', (input, expected) => {
    expect(sourceFromUrl(input)).toBe(expected);
  });
});

describe('stripTrackingFromUrl', () => {
  it('keeps the trailing slash', () => {
    expect(stripTrackingFromUrl('https://jobwebkenya.com/jobs/a/?utm_source=x#apply')).toBe('https://jobwebkenya.com/jobs/a/');
  });

  it('sorts kept parameters', () => {
    expect(stripTrackingFromUrl('https://www.careerjet.co.ke/jobs?s=a&l=Kenya&fbclid=1')).toBe('https://www.careerjet.co.ke/jobs?l=Kenya&s=a');
  });
});
