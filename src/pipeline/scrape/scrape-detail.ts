/**
 * Handles one posting card: skip it when seen recently, otherwise fetch its detail page
 * (conditionally when validators are stored), extract the posting and save it with its page.
 */
import { createHash } from 'node:crypto';

import type { KnownPosting } from '../../db/queries/scraped-postings.js';
import type { HttpClient } from '../../http/http-client.js';
import { canonicalizeUrl, stripTrackingFromUrl, urlHash } from '../../lib/canonical-url.js';
import { FetchError, ParseError, errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import type { SiteConfig } from '../../sites/site-config.js';
import { isMissingPosting, type ListingCard, type RawPosting, type SiteAdapter } from '../../sites/types.js';
import type { PostingWriter } from './posting-writer.js';
import type { SiteTally } from './site-tally.js';

export interface DetailContext {
  site: SiteConfig;
  adapter: SiteAdapter;
  http: HttpClient;
  writer: PostingWriter;
  tally: SiteTally;
  log: Logger;
  refreshAfterMs: number;
}

/** Returns true when a known posting was seen recently enough to skip its detail fetch. */
export function isRecentlySeen(known: KnownPosting | undefined, refreshAfterMs: number, nowMs: number): boolean {
  return known !== undefined && nowMs - known.lastSeen.getTime() < refreshAfterMs;
}

/** Fetches, extracts and saves one card's posting. Fetch and parse failures are counted, not thrown; database errors are thrown. */
export async function scrapeDetail(context: DetailContext, card: ListingCard, known: KnownPosting | undefined): Promise<void> {
  const { http, tally, log, site } = context;
  const fetchUrl = stripTrackingFromUrl(card.url);

  let page;
  try {
    page = await http.fetchPage(fetchUrl, { etag: known?.etag, lastModified: known?.lastModified, blockedMarkers: site.blockedMarkers });
  } catch (error) {
    countFetchFailure(context, fetchUrl, error);
    return;
  }

  tally.detailsFetched += 1;
  if (page.isNotModified && known) {
    tally.notModified += 1;
    await context.writer.touch([known.id]);
    return;
  }

  let result;
  try {
    result = context.adapter.parseDetail(page.html, page.url);
  } catch (error) {
    const reason = isChallengePageError(error) ? 'blocked' : 'parse_failed';
    tally.addFailure(reason, `${fetchUrl}: ${errorMessage(error)}`);
    log.warn('detail page not parsed', { url: fetchUrl, reason, error });
    return;
  }

  if (isMissingPosting(result)) {
    tally.removed += 1;
    log.debug('posting removed', { url: fetchUrl, missing: result.missing, reason: result.reason });
    return;
  }

  const outcome = await context.writer.save({
    source: site.id,
    url: canonicalizeUrl(card.url),
    urlHash: urlHash(card.url),
    title: result.title,
    description: result.descriptionText,
    requirements: result.requirementsText,
    contentHash: postingContentHash(result),
    page: {
      status: page.status,
      headers: { ...page.headers },
      etag: page.headers.etag ?? null,
      lastModified: page.headers['last-modified'] ?? null,
      html: page.html,
      htmlHash: createHash('sha256').update(page.html).digest('hex'),
      jsonLd: result.jsonLd,
    },
  });
  tally[outcome] += 1;
}

/**
 * Hashes the posting as a reader reads it (title, organization, location, description,
 * requirements, salary, deadline), so that page furniture changing around it is no repost.
 */
export function postingContentHash(posting: RawPosting): string {
  const parts = [posting.title, posting.organization, posting.location, posting.descriptionText, posting.requirementsText, posting.salaryText, posting.deadline];
  return createHash('sha256').update(parts.map((part) => part ?? '').join('\u0000')).digest('hex');
}

function countFetchFailure(context: DetailContext, url: string, error: unknown): void {
  if (error instanceof FetchError && error.reason === 'not_found') {
    context.tally.removed += 1;
    return;
  }

  // Only the run's own signal aborts a request, so the site did nothing wrong here.
  if (error instanceof FetchError && error.reason === 'aborted') {
    context.tally.skippedInterrupted += 1;
    return;
  }

  const reason = error instanceof FetchError ? error.reason : 'internal';
  context.tally.addFailure(reason, `${url}: ${errorMessage(error)}`);
  context.log.warn('detail fetch failed', { url, reason, error });
}

/** Returns true for the ParseError an adapter throws on an anti-bot page (it carries the marker). */
export function isChallengePageError(error: unknown): boolean {
  return error instanceof ParseError && typeof error.context['marker'] === 'string';
}
