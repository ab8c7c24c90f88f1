import { describe, expect, it } from 'vitest';

import { parseSites } from '../../sites/load-sites.js';
import type { ListingPage } from '../../sites/types.js';
import { decideNextPage, listingPageUrl } from './listing-pages.js';

const [site, numbered] = parseSites(
  `
sites:
  board:
    baseUrl: http://127.0.0.1:9
    listing: { path: '/jobs/page/{page}', firstPagePath: /jobs, card: li, nextLink: a.next, fullPageSize: 3 }
  numbered:
    baseUrl: http://127.0.0.1:9
    listing: { path: '/jobs?p={page}', card: li }
`,
  'sites.yaml',
  { env: {} },
);

const card = (n: number) => ({ url: `http://127.0.0.1:9/job/${n}`, title: null, organization: null, location: null, employmentType: null, salaryText: null, postedText: null, isFeatured: false });
const page = (count: number, nextPageUrl: string | null): ListingPage => ({ postings: Array.from({ length: count }, (_unused, n) => card(n)), nextPageUrl, isEmpty: count === 0 });
const base = { pageNumber: 1, pagesFetched: 1, maxPages: undefined, newPostingCount: 3, fetchedListingUrls: new Set<string>() };

describe('listingPageUrl', () => {
  it('uses the first page path for page 1', () => {
    expect(listingPageUrl(site!, 1)).toBe('http://127.0.0.1:9/jobs');
  });

  it('fills the page placeholder', () => {
    expect(listingPageUrl(site!, 4)).toBe('http://127.0.0.1:9/jobs/page/4');
  });
});

describe('decideNextPage', () => {
  it('follows the next link', () => {
    expect(decideNextPage({ ...base, site: site!, listing: page(3, 'http://127.0.0.1:9/jobs/page/2') })).toEqual({ nextUrl: 'http://127.0.0.1:9/jobs/page/2' });
  });

  it.each([
    ['no_cards', { listing: page(0, null), newPostingCount: 0 }],
    ['no_new_postings', { listing: page(3, 'http://127.0.0.1:9/jobs/page/2'), newPostingCount: 0 }],
    ['short_page', { listing: page(2, 'http://127.0.0.1:9/jobs/page/2') }],
    ['max_pages', { listing: page(3, 'http://127.0.0.1:9/jobs/page/2'), maxPages: 1 }],
    ['no_next_link', { listing: page(3, null) }],
    ['repeated_page', { listing: page(3, 'http://127.0.0.1:9/jobs'), fetchedListingUrls: new Set(['http://127.0.0.1:9/jobs']) }],
  ] as const)('stops with %s', (stopReason, overrides) => {
    expect(decideNextPage({ ...base, site: site!, ...overrides })).toEqual({ stopReason });
  });

  it('pages by number without a next-link selector', () => {
    expect(decideNextPage({ ...base, site: numbered!, listing: page(3, null), pageNumber: 2 })).toEqual({ nextUrl: 'http://127.0.0.1:9/jobs?p=3' });
  });
});
