/**
 * MyJobMag Kenya. Detail pages may carry a flat JobPosting JSON-LD with raw line breaks and
 * entity-escaped markup in its strings. The HTML fallback reads `ul.job-key-info` and the
 * `read-date-sec` dates. Pages under /jobs/<slug> advertise several positions.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import { createConfiguredAdapter } from '../configured-adapter.js';
import { findFirst } from '../extract/find-first.js';
import type { PostingFields } from '../extract/posting-fields.js';
import { splitTitleAtOrganization } from '../extract/split-title.js';
import { cleanInline } from '../html-text.js';
import type { SiteConfig } from '../site-config.js';
import type { ListingCard, RawPosting, SiteAdapter } from '../types.js';

export function createMyJobMagAdapter(site: SiteConfig): SiteAdapter {
  return createConfiguredAdapter(site, { refineCard, readBoardFields, readPositionTitles, refine });
}

function refineCard(card: ListingCard, cardElement: Cheerio<Element>): ListingCard {
  const logoAlt = cleanInline(cardElement.find('li.job-logo img').attr('alt')?.replace(/\s+logo$/i, ''));
  const heading = splitTitleAtOrganization(card.title ?? '', logoAlt);

  const date = cardElement.find('li#job-date').first().clone();
  date.find('span').remove();

  return { ...card, title: heading.title || card.title, organization: heading.organization, postedText: cleanInline(date.text()) };
}

function readBoardFields($: CheerioAPI, container: Cheerio<AnyNode>): Partial<PostingFields> {
  const organization = cleanInline(findFirst($.root(), 'li.job-industry a').text().replace(/^view jobs at\s+/i, ''));
  const dateRows = $('div.read-date-sec-li, #posted-date');

  return {
    title: cleanInline(findFirst(container, 'h2.mag-b span.subjob-title').text()) ?? cleanInline(findFirst($.root(), 'ul.read-h1 h1').text()),
    organization,
    datePosted: readDateRow($, dateRows, /^posted/i),
    deadline: readDateRow($, dateRows, /^deadline/i),
  };
}

/** Reads one `read-date-sec-li` row (`<b>Posted:</b> March 2, 2026`); "Not specified" reads as null. */
function readDateRow($: CheerioAPI, dateRows: Cheerio<Element>, label: RegExp): string | null {
  const row = dateRows
    .filter((_index, element) => label.test($(element).find('b').first().text().trim()))
    .first();
  if (row.length === 0) {
    return null;
  }

  const value = cleanInline(row.text().replace(row.find('b').first().text(), ''));
  return value && !/^not specified$/i.test(value) ? value : null;
}

/** QUIRK(myjobmag): multi-vacancy pages give each position an `h2.mag-b` with id `job<n>`. */
function readPositionTitles($: CheerioAPI, container: Cheerio<AnyNode>): string[] {
  const titles = container
    .find('h2.mag-b[id^="job"], h2[id^="job"]')
    .toArray()
    .map((element) => cleanInline($(element).text()))
    .filter((title): title is string => title !== null);
  return titles.length > 1 ? titles : [];
}

function refine(posting: RawPosting): RawPosting {
  const heading = splitTitleAtOrganization(posting.title ?? '', posting.organization);
  return { ...posting, title: heading.title };
}
