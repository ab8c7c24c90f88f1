/**
 * JobWebKenya, a WordPress JobRoller theme. Cards and headings read "<Title> at <Company>"; the
 * description sits between the "Job Description" and "Method of Application" headings.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import { createConfiguredAdapter } from '../configured-adapter.js';
import { findFirst } from '../extract/find-first.js';
import type { PostingFields } from '../extract/posting-fields.js';
import { splitTitleAtOrganization } from '../extract/split-title.js';
import { cleanInline, nodesToText } from '../html-text.js';
import type { SiteConfig } from '../site-config.js';
import type { ListingCard, RawPosting, SiteAdapter } from '../types.js';

export function createJobWebKenyaAdapter(site: SiteConfig): SiteAdapter {
  return createConfiguredAdapter(site, { refineCard, readBoardFields, readPositionTitles, refine });
}

function refineCard(card: ListingCard, cardElement: Cheerio<Element>): ListingCard {
  const heading = splitTitleAtOrganization(card.title ?? '');
  return {
    ...card,
    title: heading.title || card.title,
    organization: card.organization ?? heading.organization,
    location: cleanInline(card.location?.replace(/^location:\s*/i, '')),
    isFeatured: cardElement.hasClass('job-featured'),
  };
}

function readBoardFields($: CheerioAPI, container: Cheerio<AnyNode>): Partial<PostingFields> {
  const heading = findFirst(container, 'h1.title').clone();
  heading.find('span.type').remove();

  const content = findFirst(container, 'div.section_content');
  // The description runs to the end of the content, so "Method of Application" and the closing date stay in it.
  const description = readBetweenHeadings($, content, /^job description$/i, null);
  const closing = /closing date\s*:\s*([^\n]+)/i.exec(description.text ?? '');

  // QUIRK(jobwebkenya): categories read "<X> Jobs in Kenya", joined by " - ".
  const categories = container
    .find('li')
    .filter((_index, element) => /^job category:?$/i.test($(element).find('strong').first().text().trim()))
    .find('a')
    .toArray()
    .map((element) => cleanInline($(element).text().replace(/\s+jobs in kenya$/i, '')))
    .filter((category): category is string => category !== null);

  return {
    title: cleanInline(heading.text()),
    industry: categories.length > 0 ? categories.join(', ') : null,
    employmentType: cleanInline(container.find('h1.title span.type').text()),
    descriptionHtml: description.html,
    descriptionText: description.text,
    deadline: cleanInline(closing?.[1]),
  };
}

/**
 * QUIRK(jobwebkenya): "Submit CVs ... (N Positions)" posts list each position as a paragraph
 * ending in a "Click Here To View Job Details And Apply" link.
 */
function readPositionTitles($: CheerioAPI, container: Cheerio<AnyNode>): string[] {
  const titles = container
    .find('div.section_content p')
    .filter((_index, element) => /click here to view job details/i.test($(element).find('a').last().text()))
    .toArray()
    .map((element) => {
      const paragraph = $(element).clone();
      paragraph.find('a').remove();
      return cleanInline(paragraph.text());
    })
    .filter((title): title is string => title !== null);
  return titles.length > 1 ? titles : [];
}

/** Strips the " at <Company>" suffix that every JobWebKenya heading carries. */
function refine(posting: RawPosting): RawPosting {
  const heading = splitTitleAtOrganization(posting.title ?? '', posting.organization);
  return { ...posting, title: heading.title, organization: posting.organization ?? heading.organization };
}

/** Returns the HTML and text of the siblings after the `start` h2, up to the `end` h2 or the end. */
function readBetweenHeadings($: CheerioAPI, content: Cheerio<AnyNode>, start: RegExp, end: RegExp | null): { html: string | null; text: string | null } {
  const startHeading = content.children('h2').filter((_index, element) => start.test($(element).text().trim())).first();
  if (startHeading.length === 0) {
    return { html: null, text: null };
  }

  const nodes: AnyNode[] = [];
  for (const sibling of startHeading.nextAll().toArray()) {
    const isEnd = sibling.tagName === 'h2' && end !== null && end.test($(sibling).text().trim());
    if (isEnd) {
      break;
    }
    if (!$(sibling).hasClass('share')) {
      nodes.push(sibling);
    }
  }

  const html = nodes.map((node) => $.html(node)).join('').trim();
  const text = nodesToText(nodes);
  return { html: html || null, text: text || null };
}
