/**
 * Crawls one site: follows its listing pages until a stop rule fires, and hands every posting card
 * not seen earlier in the run to `scrapeDetail`. Detail fetches run while pagination continues; the
 * per-host limiter in the HTTP client keeps both within the site's rate.
 */
import { performance } from 'node:perf_hooks';

import PQueue from 'p-queue';

import type { HttpClient } from '../../http/http-client.js';
import { canonicalizeUrl } from '../../lib/canonical-url.js';
import { FetchError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import type { ProgressReporter } from '../../lib/progress.js';
import type { SiteConfig } from '../../sites/site-config.js';
import type { ListingCard, ListingPage, SiteAdapter } from '../../sites/types.js';
import { decideNextPage, listingPageUrl } from './listing-pages.js';
import type { PostingWriter } from './posting-writer.js';
import { isChallengePageError, isRecentlySeen, scrapeDetail, type DetailContext } from './scrape-detail.js';
import { SiteTally, type ListingStopReason, type SiteSummary } from './site-tally.js';

/**
 * Postings of one site between "card found" and "saved" at once. It bounds memory when fetches
 * outrun database writes (rate limits off), and stays above any site's HTTP concurrency so the
 * limiter, not this queue, sets the pace.
 */
const DETAILS_IN_FLIGHT = 16;

export interface CrawlSiteInput {
  site: SiteConfig;
  adapter: SiteAdapter;
  http: HttpClient;
  writer: PostingWriter;
  log: Logger;
  signal: AbortSignal;
  maxPages?: number;
  refreshAfterDays: number;
  /** Called after every listing page and detail, for progress display. */
  onProgress?: (tally: SiteTally) => void;
}

/** Crawls one site and returns its summary. Failures are counted per reason; nothing is thrown for a page. */
export async function crawlSite(input: CrawlSiteInput): Promise<SiteSummary> {
  const startedMs = performance.now();
  const { site, log } = input;
  const tally = new SiteTally(site.id);
  const detail: DetailContext = {
    site,
    adapter: input.adapter,
    http: input.http,
    writer: input.writer,
    tally,
    log,
    refreshAfterMs: input.refreshAfterDays * 86_400_000,
  };
  const detailQueue = new PQueue({ concurrency: DETAILS_IN_FLIGHT });

  const seenPostingUrls = new Set<string>();
  const fetchedListingUrls = new Set<string>();
  const detailTasks: Promise<void>[] = [];
  let pageUrl = listingPageUrl(site, site.listing.firstPage);
  let pageNumber = site.listing.firstPage;
  log.info('site crawl started', { site: site.id, firstPage: pageUrl });

  for (;;) {
    if (input.signal.aborted) {
      tally.stopReason = 'interrupted';
      break;
    }

    fetchedListingUrls.add(canonicalizeUrl(pageUrl));
    const listing = await fetchListing(input, tally, pageUrl);
    if ('stopReason' in listing) {
      tally.stopReason = listing.stopReason;
      break;
    }

    const newCards = listing.postings.filter((card) => !seenPostingUrls.has(canonicalizeUrl(card.url)));
    for (const card of newCards) {
      seenPostingUrls.add(canonicalizeUrl(card.url));
    }
    tally.postingsFound += newCards.length;
    const task = handleCards(detail, newCards, input, detailQueue);
    // Awaited after pagination; the handler only keeps an early rejection from counting as unhandled.
    task.catch(() => undefined);
    detailTasks.push(task);
    input.onProgress?.(tally);

    const next = decideNextPage({
      site,
      listing,
      pageNumber,
      pagesFetched: tally.listingPages,
      maxPages: input.maxPages,
      newPostingCount: newCards.length,
      fetchedListingUrls,
    });
    if ('stopReason' in next) {
      tally.stopReason = next.stopReason;
      break;
    }
    pageUrl = next.nextUrl;
    pageNumber += 1;
  }

  log.info('site pagination stopped', { site: site.id, stopReason: tally.stopReason, listingPages: tally.listingPages, postingsFound: tally.postingsFound });
  if (tally.listingPages === 1 && tally.stopReason === 'no_next_link' && site.listing.nextLink !== undefined) {
    // A board that serves automated clients a reduced page (a few featured cards, no pager) looks like this.
    log.warn('first listing page has no next link: the site may serve a reduced page', { site: site.id, postingsFound: tally.postingsFound });
  }
  await Promise.all(detailTasks);

  const summary = tally.summarize(performance.now() - startedMs, input.signal.aborted);
  log.info('site crawled', { ...summary, failedByReason: undefined, errorGroups: undefined });
  return summary;
}

async function fetchListing(input: CrawlSiteInput, tally: SiteTally, pageUrl: string): Promise<ListingPage | { stopReason: ListingStopReason }> {
  let html: string;
  let finalUrl: string;
  try {
    const page = await input.http.fetchPage(pageUrl, { blockedMarkers: input.site.blockedMarkers });
    html = page.html;
    finalUrl = page.url;
  } catch (error) {
    return { stopReason: listingFailureReason(input, tally, pageUrl, error) };
  }

  tally.listingPages += 1;
  try {
    return input.adapter.parseListing(html, finalUrl);
  } catch (error) {
    const reason = isChallengePageError(error) ? 'blocked' : 'parse_failed';
    tally.addFailure(reason, `${pageUrl}: ${errorMessage(error)}`);
    input.log.warn('listing page not parsed', { site: input.site.id, url: pageUrl, reason, error });
    return { stopReason: reason };
  }
}

/** Maps a listing fetch failure to a stop reason; a 404 or robots rule ends paging without counting as a failure. */
function listingFailureReason(input: CrawlSiteInput, tally: SiteTally, pageUrl: string, error: unknown): ListingStopReason {
  const reason = error instanceof FetchError ? error.reason : 'internal';
  if (reason === 'not_found' && tally.listingPages > 0) {
    return 'not_found';
  }
  if (reason === 'robots_disallowed' && tally.listingPages > 0) {
    input.log.info('listing page disallowed by robots.txt, pagination ends', { site: input.site.id, url: pageUrl });
    return 'robots_disallowed';
  }
  if (reason === 'aborted') {
    return 'interrupted';
  }

  tally.addFailure(reason, `${pageUrl}: ${errorMessage(error)}`);
  input.log.warn('listing fetch failed', { site: input.site.id, url: pageUrl, reason, error });
  switch (reason) {
    case 'blocked':
    case 'not_found':
    case 'robots_disallowed':
      return reason;
    default:
      return 'fetch_failed';
  }
}

/** Skips recently seen postings (touching them) and scrapes the rest of one page's new cards. */
async function handleCards(detail: DetailContext, cards: readonly ListingCard[], input: CrawlSiteInput, detailQueue: PQueue): Promise<void> {
  if (cards.length === 0) {
    return;
  }

  const known = await detail.writer.findKnown(cards.map((card) => canonicalizeUrl(card.url)));
  const nowMs = Date.now();
  const recentIds: string[] = [];
  const toFetch: ListingCard[] = [];

  for (const card of cards) {
    const posting = known.get(canonicalizeUrl(card.url));
    if (posting && isRecentlySeen(posting, detail.refreshAfterMs, nowMs)) {
      recentIds.push(posting.id);
    } else {
      toFetch.push(card);
    }
  }

  detail.tally.skippedRecent += recentIds.length;
  await detail.writer.touch(recentIds);

  await Promise.all(
    toFetch.map((card) =>
      detailQueue.add(async () => {
        if (input.signal.aborted) {
          detail.tally.skippedInterrupted += 1;
          return;
        }
        await scrapeDetail(detail, card, known.get(canonicalizeUrl(card.url)));
        input.onProgress?.(detail.tally);
      }),
    ),
  );
}
