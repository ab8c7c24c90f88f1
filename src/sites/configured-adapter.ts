/**
 * Builds a SiteAdapter from a site's sites.yaml entry, optionally with board code for markup that
 * selectors cannot express. A board with ordinary markup needs no code at all.
 */
import type * as cheerio from 'cheerio/slim';

import { detectBlock } from '../http/detect-block.js';
import { ParseError } from '../lib/errors.js';
import { extractPosting, type DetailHooks } from './extract/extract-posting.js';
import { readPage } from './read-page.js';
import { readListing, type ReadListingOptions } from './extract/read-listing.js';
import type { SiteConfig } from './site-config.js';
import type { DetailResult, ListingPage, SiteAdapter } from './types.js';

export interface BoardHooks extends DetailHooks {
  refineCard?: ReadListingOptions['refineCard'];
  /** Replaces the configured next-link lookup. */
  findNextPageUrl?: ($: cheerio.CheerioAPI, pageUrl: string, page: ListingPage) => string | null;
}

/** Creates the adapter of one configured site. */
export function createConfiguredAdapter(site: SiteConfig, hooks: BoardHooks = {}): SiteAdapter {
  const detailUrlPattern = site.detail.urlPattern ? new RegExp(site.detail.urlPattern) : undefined;

  return {
    id: site.id,

    parseListing(html: string, pageUrl: string): ListingPage {
      rejectChallengePage(html, pageUrl, site);
      return readPage(html, ($) => {
        const page = readListing($, pageUrl, site.listing, { detailUrlPattern, refineCard: hooks.refineCard });
        if (hooks.findNextPageUrl) {
          return { ...page, nextPageUrl: hooks.findNextPageUrl($, pageUrl, page) };
        }
        return page;
      });
    },

    parseDetail(html: string, url: string): DetailResult {
      const lowerCaseHtml = html.toLowerCase();
      rejectChallengePage(html, url, site, lowerCaseHtml);
      return readPage(html, ($) => extractPosting($, lowerCaseHtml, url, site, hooks));
    },
  };
}

/**
 * Throws ParseError for an anti-bot page, so that a challenge stored or fetched by mistake never
 * becomes a posting or an empty listing.
 */
function rejectChallengePage(html: string, url: string, site: SiteConfig, lowerCaseHtml?: string): void {
  const marker = detectBlock({ status: 200, headers: {}, html, siteMarkers: site.blockedMarkers, lowerCaseHtml });
  if (marker) {
    throw new ParseError(`page ${url} of site "${site.id}" is an anti-bot challenge (${marker}), not a posting`, {
      context: { url, site: site.id, marker },
      hint: 'Fetch the page again later; the HTTP layer counts such pages as blocked.',
    });
  }
}
