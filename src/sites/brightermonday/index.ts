/**
 * BrighterMonday Kenya. Detail pages carry a JSON-LD `@graph` (read first); the HTML fallback reads
 * the header links and the "Job descriptions & requirements" block of `article.job__details`.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

import { createConfiguredAdapter } from '../configured-adapter.js';
import { findFirst } from '../extract/find-first.js';
import type { PostingFields } from '../extract/posting-fields.js';
import { cleanInline, nodesToText } from '../html-text.js';
import type { SiteConfig } from '../site-config.js';
import type { SiteAdapter } from '../types.js';

/** Posting ages as the board prints them: "Today", "Yesterday", "3 days ago", "1 week ago". */
const RELATIVE_AGE = /^(today|yesterday|\d+\s*(minute|hour|day|week|month|year)s?\s+ago|\d+[dhw])$/i;

export function createBrighterMondayAdapter(site: SiteConfig): SiteAdapter {
  return createConfiguredAdapter(site, { readBoardFields });
}

function readBoardFields($: CheerioAPI, container: Cheerio<AnyNode>): Partial<PostingFields> {
  // QUIRK(brightermonday): the location link is the header link with two path parts, /jobs/<function>/<town>;
  // one part is the function or job-type link.
  const locationLink = container
    .find('a[rel~="nofollow"][href^="/jobs/"]')
    .filter((_index, element) => ($(element).attr('href') ?? '').split('/').filter(Boolean).length >= 3)
    .first();

  // QUIRK(brightermonday): the header's fact row lists location, job type and (optional) industry links in that order.
  const factLinks = container.find('div.flex-wrap.mt-3 a[rel~="nofollow"]').toArray().map((element) => cleanInline($(element).text()));
  const salary = findFirst(container, 'div.flex-wrap span.text-sm');
  const postedAge = container
    .find('p')
    .filter((_index, element) => RELATIVE_AGE.test($(element).text().trim()))
    .first();
  const description = readSectionAfterHeading($, container, /^job descriptions?\s*(&|and|\/)\s*requirements$/i);

  return {
    location: cleanInline(locationLink.text()),
    employmentType: factLinks[1] ?? null,
    industry: factLinks[2] ?? null,
    salaryText: cleanInline(salary.text()),
    datePosted: cleanInline(postedAge.text()),
    descriptionHtml: description.html,
    descriptionText: description.text,
  };
}

/** Returns the content of the block whose `h3` heading matches, heading left out. */
function readSectionAfterHeading($: CheerioAPI, container: Cheerio<AnyNode>, heading: RegExp): { html: string | null; text: string | null } {
  const headingElement = container.find('h3').filter((_index, element) => heading.test($(element).text().trim())).first();
  if (headingElement.length === 0) {
    return { html: null, text: null };
  }

  const body = headingElement.nextAll();
  const html = body.toArray().map((element) => $.html(element)).join('').trim();
  const text = nodesToText(body.toArray());
  return { html: html || null, text: text || null };
}
