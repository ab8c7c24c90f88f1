/** Reads posting cards and the next-page link of a listing page from a site's configured selectors. */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

import { canonicalizeUrl } from '../../lib/canonical-url.js';
import { cleanInline } from '../html-text.js';
import type { ListingConfig } from '../site-config.js';
import type { ListingCard, ListingPage } from '../types.js';
import { findFirst } from './find-first.js';
import { resolveLink } from './resolve-url.js';

export interface ReadListingOptions {
  /** Posting URLs must match this to count; other links in cards are ignored. */
  detailUrlPattern?: RegExp;
  /** Board step run on each card after the configured fields; return null to drop the card. */
  refineCard?: (card: ListingCard, cardElement: Cheerio<Element>, $: CheerioAPI) => ListingCard | null;
}

/** Returns the cards of a listing page (each canonical URL once, first occurrence kept) and its next-page URL. */
export function readListing($: CheerioAPI, pageUrl: string, config: ListingConfig, options: ReadListingOptions = {}): ListingPage {
  const postings: ListingCard[] = [];
  const seenUrls = new Set<string>();

  $(config.card).each((_index, element) => {
    const card = readCard($, $(element as Element), pageUrl, config, options);
    if (!card) {
      return;
    }

    const key = canonicalizeUrl(card.url);
    if (!seenUrls.has(key)) {
      seenUrls.add(key);
      postings.push(card);
    }
  });

  const nextHref = config.nextLink ? findFirst($.root(), config.nextLink).attr('href') : undefined;
  const nextPageUrl = resolveLink(nextHref, pageUrl);
  return { postings, nextPageUrl: nextPageUrl === pageUrl ? null : nextPageUrl, isEmpty: postings.length === 0 };
}

function readCard($: CheerioAPI, cardElement: Cheerio<Element>, pageUrl: string, config: ListingConfig, options: ReadListingOptions): ListingCard | null {
  if (config.skipCardsWith && cardElement.find(config.skipCardsWith).length > 0) {
    return null;
  }

  const linkElement = config.link ? cardElement.find(config.link).first() : cardElement;
  // Cards that open through a script keep the posting URL in `data-url` (CareerJet's engine does).
  const url = resolveLink(linkElement.attr(config.linkAttribute) ?? cardElement.attr('data-url'), pageUrl);
  // The pattern is matched against the canonical URL, so tracking parameters, fragments and a trailing slash never hide a posting.
  if (!url || (options.detailUrlPattern && !options.detailUrlPattern.test(canonicalizeUrl(url)))) {
    return null;
  }

  const fields = config.cardFields;
  const textAt = (selector: string | undefined) => (selector ? cleanInline(cardElement.find(selector).first().text()) : null);

  const card: ListingCard = {
    url,
    title: textAt(fields.title) ?? cleanInline(linkElement.attr('title')) ?? cleanInline(linkElement.text()),
    organization: textAt(fields.organization),
    location: textAt(fields.location),
    employmentType: textAt(fields.employmentType),
    salaryText: textAt(fields.salary),
    postedText: textAt(fields.posted),
    isFeatured: fields.featured ? cardElement.find(fields.featured).length > 0 : false,
  };
  return options.refineCard ? options.refineCard(card, cardElement, $) : card;
}
