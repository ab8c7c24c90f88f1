import * as cheerio from 'cheerio/slim';
import { describe, expect, it } from 'vitest';

import { recordDotEnvNames } from '../lib/env-source.js';
import { UsageError } from '../lib/errors.js';
import { createSiteAdapter, findShippedSitesFile } from './index.js';
import { baseUrlEnvName, loadSites, parseSites } from './load-sites.js';

const FIFTH_BOARD = `
sites:
  kazi-board:
    baseUrl: https://kazi.example.co.ke
    listing:
      path: /vacancies?page={page}
      card: 'div.vacancy'
      link: 'a.vacancy-link'
      cardFields: { organization: '.employer', location: '.town' }
      nextLink: 'a.next'
    detail:
      container: 'div.vacancy-page'
      title: 'h1'
      description: 'div.body'
      labels:
        item: 'dl.facts div'
        label: 'dt'
        value: 'dd'
        fields: { Employer: organization, Town: location, Deadline: deadline }
`;

function expectUsageError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  for (const fragment of fragments) {
    expect((caught as Error).message).toContain(fragment);
  }
}

describe('loadSites', () => {
  it('loads the shipped sites.yaml', () => {
    const sites = loadSites(findShippedSitesFile(), { env: {} });
    expect(sites.map((site) => site.id)).toEqual(['brightermonday', 'careerjet', 'jobwebkenya', 'myjobmag']);
    expect(sites.every((site) => site.enabled)).toBe(true);
  });

  it('names site, key and expectation', () => {
    const text = FIFTH_BOARD.replace("card: 'div.vacancy'", 'card: 42');
    expectUsageError(() => parseSites(text, 'sites.yaml', { env: {} }), 'site "kazi-board"', 'key "listing.card"', 'expected string');
  });

  it('requires the page placeholder', () => {
    const text = FIFTH_BOARD.replace('/vacancies?page={page}', '/vacancies');
    expectUsageError(() => parseSites(text, 'sites.yaml', { env: {} }), 'key "listing.path"', 'containing {page}');
  });

  it('rejects an invalid selector', () => {
    const text = FIFTH_BOARD.replace("card: 'div.vacancy'", "card: 'div[[[vacancy'");
    expectUsageError(() => parseSites(text, 'sites.yaml', { env: {} }), 'site "kazi-board"', 'key "listing.card"', 'invalid CSS selector "div[[[vacancy"');
  });

  it('rejects an invalid nested selector', () => {
    const text = FIFTH_BOARD.replace("label: 'dt'", "label: 'dt::before'");
    expectUsageError(() => parseSites(text, 'sites.yaml', { env: {} }), 'key "detail.labels.label"', 'invalid CSS selector');
  });

  it('rejects an unknown key', () => {
    const text = FIFTH_BOARD.replace('    baseUrl:', '    baseURL: x\n    baseUrl:');
    expectUsageError(() => parseSites(text, 'sites.yaml', { env: {} }), 'site "kazi-board"', 'baseURL');
  });

  it('rejects invalid YAML', () => {
    expectUsageError(() => parseSites('sites: [', 'broken.yaml'), 'invalid YAML in broken.yaml');
  });

  it('reports a missing file', () => {
    expectUsageError(() => loadSites('/nonexistent/sites.yaml'), 'cannot read sites file /nonexistent/sites.yaml');
  });

  it('overrides a base URL from the environment', () => {
    const sites = parseSites(FIFTH_BOARD, 'sites.yaml', { env: { NEXTKE_SITE_BASE_URL_KAZI_BOARD: 'http://127.0.0.1:4567/' } });
    expect(sites[0]?.baseUrl).toBe('http://127.0.0.1:4567');
  });

  it('prefers an explicit override', () => {
    const sites = parseSites(FIFTH_BOARD, 'sites.yaml', { env: { NEXTKE_SITE_BASE_URL_KAZI_BOARD: 'http://a.test' }, baseUrlOverrides: { 'kazi-board': 'http://b.test' } });
    expect(sites[0]?.baseUrl).toBe('http://b.test');
  });

  it('rejects an invalid override', () => {
    expectUsageError(() => parseSites(FIFTH_BOARD, 'sites.yaml', { env: { NEXTKE_SITE_BASE_URL_KAZI_BOARD: 'localhost:80' } }), 'NEXTKE_SITE_BASE_URL_KAZI_BOARD=', 'absolute http(s) URL');
  });

  it('names the .env file of an invalid override', () => {
    const env = { NEXTKE_SITE_BASE_URL_KAZI_BOARD: 'localhost:80' };
    recordDotEnvNames(env, '/srv/nextke/.env', ['NEXTKE_SITE_BASE_URL_KAZI_BOARD']);

    expectUsageError(() => parseSites(FIFTH_BOARD, 'sites.yaml', { env }), 'NEXTKE_SITE_BASE_URL_KAZI_BOARD="localhost:80" (from .env file /srv/nextke/.env)');
  });

  it('names the override variable', () => {
    expect(baseUrlEnvName('kazi-board')).toBe('NEXTKE_SITE_BASE_URL_KAZI_BOARD');
  });
});

describe('fifth board from sites.yaml alone', () => {
  const [site] = parseSites(FIFTH_BOARD, 'sites.yaml', { env: {} });
  const adapter = createSiteAdapter(site!);

  it('reads listing cards', () => {
    const html = `<div class="vacancy"><a class="vacancy-link" href="/vacancy/1">Clerk</a><span class="employer">Kazi Ltd</span><span class="town">Meru</span></div>
      <div class="vacancy"><a class="vacancy-link" href="/vacancy/2?utm_source=x">Cook</a></div><a class="next" href="/vacancies?page=2">Next</a>`;

    const page = adapter.parseListing(html, 'https://kazi.example.co.ke/vacancies?page=1');

    expect(page.postings.map((card) => [card.url, card.title, card.organization, card.location])).toEqual([
      ['https://kazi.example.co.ke/vacancy/1', 'Clerk', 'Kazi Ltd', 'Meru'],
      ['https://kazi.example.co.ke/vacancy/2?utm_source=x', 'Cook', null, null],
    ]);
    expect(page.nextPageUrl).toBe('https://kazi.example.co.ke/vacancies?page=2');
  });

  it('reads a detail page with labels', () => {
    const html = `<html><head><title>Clerk | Kazi</title></head><body><div class="vacancy-page"><h1>Clerk</h1>
      <dl class="facts"><div><dt>Employer</dt><dd>Kazi Ltd</dd></div><div><dt>Town:</dt><dd>Meru</dd></div><div><dt>Deadline</dt><dd>20 March 2026</dd></div></dl>
      <div class="body"><p>File records.</p><p>Salary: KSh 25,000 per month</p></div></div></body></html>`;

    const posting = adapter.parseDetail(html, 'https://kazi.example.co.ke/vacancy/1');

    expect(posting).toMatchObject({
      title: 'Clerk',
      organization: 'Kazi Ltd',
      location: 'Meru',
      deadline: '20 March 2026',
      salaryText: 'KSh 25,000 per month',
      descriptionText: 'File records.\nSalary: KSh 25,000 per month',
      extractedBy: 'labelled',
    });
  });

  it('carries three baseSalary shapes through', () => {
    const shapes = [
      [{ '@type': 'MonetaryAmount', currency: 'KES', value: { '@type': 'QuantitativeValue', minValue: 80000, maxValue: 120000, unitText: 'MONTH' } }, 'KES 80,000 - 120,000 per month', { min: 80000, max: 120000, value: null, currency: 'KES', unit: 'MONTH' }],
      [{ '@type': 'MonetaryAmount', currency: 'KES', unitText: 'MONTH', value: 50000 }, 'KES 50,000 per month', { min: null, max: null, value: 50000, currency: 'KES', unit: 'MONTH' }],
      ['KSh 30,000 - 45,000 per month', 'KSh 30,000 - 45,000 per month', null],
    ] as const;

    for (const [baseSalary, salaryText, salary] of shapes) {
      const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Clerk', baseSalary });
      const posting = adapter.parseDetail(`<html><head><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`, 'https://kazi.example.co.ke/vacancy/1');
      expect(posting).toMatchObject({ salaryText, salary, extractedBy: 'json-ld' });
    }
  });

  it('uses cheerio-compatible selectors only', () => {
    expect(() => cheerio.load('<p></p>')(site!.listing.card)).not.toThrow();
  });
});
