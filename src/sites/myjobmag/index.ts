/**
 * MyJobMag Kenya. Detail pages may carry a flat JobPosting JSON-LD with raw line breaks and
 * entity-escaped markup in its strings. The HTML fallback reads `ul.job-key-info` and the
 * `read-date-sec` dates. Pages under /jobs/<slug> advertise several positions.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import { createConfiguredAdapter } from '../configured-adapter.js';
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
  const organization = cleanInline($('li.job-industry a').first().text().replace(/^view jobs at\s+/i, ''));

  return {
    title: cleanInline(container.find('h2.mag-b span.subjob-title').first().text()) ?? cleanInline($('ul.read-h1 h1').first().text()),
    organization,
    datePosted: readDateRow($, /^posted/i),
    deadline: readDateRow($, /^deadline/i),
  };
}

/** Reads one `read-date-sec-li` row (`<b>Posted:</b> March 2, 2026`); "Not specified" reads as null. */
function readDateRow($: CheerioAPI, label: RegExp): string | null {
  const row = $('div.read-date-sec-li, #posted-date')
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
