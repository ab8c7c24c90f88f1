/** Listing page URLs and the rule that decides which page comes next. */
import { canonicalizeUrl } from '../../lib/canonical-url.js';
import type { SiteConfig } from '../../sites/site-config.js';
import type { ListingPage } from '../../sites/types.js';
import type { ListingStopReason } from './site-tally.js';

/** Returns the absolute URL of listing page `page` of a site. */
export function listingPageUrl(site: SiteConfig, page: number): string {
  const listing = site.listing;
  const path = page === listing.firstPage && listing.firstPagePath !== undefined ? listing.firstPagePath : listing.path.replace('{page}', String(page));
  return new URL(path, `${site.baseUrl}/`).toString();
}

export interface NextPageInput {
  site: SiteConfig;
  listing: ListingPage;
  /** Number of the page just parsed. */
  pageNumber: number;
  /** Listing pages fetched so far, this one included. */
  pagesFetched: number;
  maxPages: number | undefined;
  /** Cards of this page whose URL had not been seen earlier in the run. */
  newPostingCount: number;
  /** Canonical URLs of the listing pages fetched so far. */
  fetchedListingUrls: ReadonlySet<string>;
}

/**
 * Decides whether to fetch another listing page. Pagination stops on an empty page, or on a page
 * whose postings were all seen earlier in this run (a board repeating its last page). It also stops
 * on a page shorter than the site's full page, at the page limit, without a "next" link, or at a
 * "next" link to a page already fetched. Sites without a configured `nextLink` are paged by number.
 */
export function decideNextPage(input: NextPageInput): { nextUrl: string } | { stopReason: ListingStopReason } {
  const { site, listing } = input;
  if (listing.isEmpty) {
    return { stopReason: 'no_cards' };
  }
  if (input.newPostingCount === 0) {
    return { stopReason: 'no_new_postings' };
  }
  if (site.listing.fullPageSize !== undefined && listing.postings.length < site.listing.fullPageSize) {
    return { stopReason: 'short_page' };
  }
  if (input.maxPages !== undefined && input.pagesFetched >= input.maxPages) {
    return { stopReason: 'max_pages' };
  }

  const nextUrl = listing.nextPageUrl ?? (site.listing.nextLink === undefined ? listingPageUrl(site, input.pageNumber + 1) : null);
  if (nextUrl === null) {
    return { stopReason: 'no_next_link' };
  }
  if (input.fetchedListingUrls.has(canonicalizeUrl(nextUrl))) {
    return { stopReason: 'repeated_page' };
  }
  return { nextUrl };
}
