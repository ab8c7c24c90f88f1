import * as cheerio from 'cheerio/slim';
import { describe, expect, it } from 'vitest';

import { findJobPostings } from './find-job-postings.js';
import { parseJsonLdBlocks, parseJsonLdText } from './parse-json-ld-blocks.js';
import { readJobPosting, readSalary } from './read-job-posting.js';

function postingsIn(html: string) {
  return findJobPostings(parseJsonLdBlocks(cheerio.load(html)).values);
}

function page(jsonLd: string): string {
  return `<html><head><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`;
}

describe('JSON-LD JobPosting extraction', () => {
  it('reads a JobPosting beside a WebPage in @graph', () => {
    const html = page(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://example.test/listings/a', name: 'Junior Widget Analyst' },
          { '@type': 'Organization', '@id': 'https://example.test/#/schema/Organization/1', name: 'BrighterMonday Kenya' },
          { '@type': 'Organization', '@id': 'https://example.test/#/schema/Organization/42', name: 'Acme Widgets Ltd' },
          {
            '@type': 'JobPosting',
            title: 'Junior Widget Analyst',
            hiringOrganization: { '@id': 'https://example.test/#/schema/Organization/42' },
          },
        ],
      }),
    );

    const postings = postingsIn(html);
    expect(postings).toHaveLength(1);

    const fields = readJobPosting(postings[0]!);
    expect(fields.title).toBe('Junior Widget Analyst');
    expect(fields.organization).toBe('Acme Widgets Ltd');
  });

  it('recognises @type given as an array', () => {
    const postings = postingsIn(page('{"@context":"https://schema.org","@type":["JobPosting"],"title":"Driver"}'));
    expect(postings).toHaveLength(1);
    expect(readJobPosting(postings[0]!).title).toBe('Driver');
  });

  it('parses a block ending in };', () => {
    const postings = postingsIn(page('{"@type":"JobPosting","title":"Accountant"};'));
    expect(readJobPosting(postings[0]!).title).toBe('Accountant');
  });

  it('parses a block wrapped in CDATA comments', () => {
    const postings = postingsIn(page('\n//<![CDATA[\n{"@type":"JobPosting","title":"Nurse"}\n//]]>\n'));
    expect(readJobPosting(postings[0]!).title).toBe('Nurse');
  });

  it('parses raw line breaks inside strings', () => {
    expect(parseJsonLdText('{"@type":"JobPosting","description":"line one\nline\ttwo"}')).toEqual({
      '@type': 'JobPosting',
      description: 'line one\nline\ttwo',
    });
  });

  it('decodes entity-escaped title and description', () => {
    const html = page(
      '{"@type":"JobPosting","title":"Events &amp; Marketing Officer","description":"&lt;p&gt;Plan events.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Book venues&lt;/li&gt;&lt;/ul&gt;"}',
    );

    const fields = readJobPosting(postingsIn(html)[0]!);

    expect(fields.title).toBe('Events & Marketing Officer');
    expect(fields.descriptionText).toBe('Plan events.\nBook venues');
    expect(fields.descriptionHtml).toBe('<p>Plan events.</p><ul><li>Book venues</li></ul>');
  });

  it('resolves jobLocation through Place and PostalAddress nodes', () => {
    const html = page(
      JSON.stringify({
        '@graph': [
          { '@type': 'PostalAddress', '@id': '#addr', streetAddress: 'Nairobi', addressLocality: 'Kenya', addressCountry: 'KE' },
          { '@type': 'Place', '@id': '#place', address: { '@id': '#addr' } },
          { '@type': 'JobPosting', title: 'Clerk', jobLocation: { '@id': '#place' } },
        ],
      }),
    );

    expect(readJobPosting(postingsIn(html)[0]!).location).toBe('Nairobi, Kenya');
  });

  it('reads Remote for a telecommute posting', () => {
    const fields = readJobPosting(postingsIn(page('{"@type":"JobPosting","title":"Writer","jobLocationType":"TELECOMMUTE"}'))[0]!);
    expect(fields.location).toBe('Remote');
  });

  it('counts an unreadable block without throwing', () => {
    const blocks = parseJsonLdBlocks(cheerio.load(page('{"@type": "JobPosting", title')));
    expect(blocks.failedCount).toBe(1);
    expect(blocks.values).toEqual([]);
  });
});

describe('readSalary', () => {
  it('reads a nested QuantitativeValue', () => {
    const salary = readSalary({
      '@type': 'MonetaryAmount',
      currency: 'KES',
      value: { '@type': 'QuantitativeValue', minValue: 80000, maxValue: 120000, unitText: 'MONTH' },
    });
    expect(salary).toEqual({ text: null, amount: { min: 80000, max: 120000, value: null, currency: 'KES', unit: 'MONTH' } });
  });

  it('reads a scalar value with the unit outside', () => {
    const salary = readSalary({ '@type': 'MonetaryAmount', currency: 'KES', unitText: 'MONTH', value: 50000 });
    expect(salary).toEqual({ text: null, amount: { min: null, max: null, value: 50000, currency: 'KES', unit: 'MONTH' } });
  });

  it('keeps a plain string verbatim', () => {
    expect(readSalary('KSh 30,000 - 45,000 per month')).toEqual({ text: 'KSh 30,000 - 45,000 per month', amount: null });
  });

  it('reads numeric strings', () => {
    const salary = readSalary({ currency: 'KES', value: { minValue: '45,000', maxValue: '60000' } });
    expect(salary.amount).toEqual({ min: 45000, max: 60000, value: null, currency: 'KES', unit: null });
  });

  it('returns nothing for a missing salary', () => {
    expect(readSalary(undefined)).toEqual({ text: null, amount: null });
  });
});
