/**
 * Extracts one posting from a loaded detail page in three steps: schema.org JobPosting JSON-LD,
 * then the site's configured selectors and labelled rows (plus board code), then generic page
 * fields. An earlier step's value always wins; later steps only fill what is still missing.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

import { ParseError } from '../../lib/errors.js';
import { findJobPostings } from '../json-ld/find-job-postings.js';
import { parseJsonLdBlocks } from '../json-ld/parse-json-ld-blocks.js';
import { readJobPosting } from '../json-ld/read-job-posting.js';
import type { SiteConfig } from '../site-config.js';
import type { DetailResult, ExtractionMethod, MissingPosting, RawPosting, SalaryAmount } from '../types.js';
import { findFirst } from './find-first.js';
import { emptyPostingFields, fillMissingFields, type PostingFields } from './posting-fields.js';
import { readLabelledFields, readSelectorFields } from './read-configured-fields.js';
import { readGenericFields } from './read-generic-fields.js';

/** Board code that runs alongside the configured selectors. Every hook is optional. */
export interface DetailHooks {
  /** Returns why the page has no posting, or null. Runs before extraction. */
  detectMissing?: ($: CheerioAPI, url: string) => MissingPosting | null;
  /** Reads fields the configured selectors cannot express; these rank first within the labelled step. */
  readBoardFields?: ($: CheerioAPI, container: Cheerio<AnyNode>, url: string) => Partial<PostingFields>;
  /** Returns the titles of the positions when the page advertises several. */
  readPositionTitles?: ($: CheerioAPI, container: Cheerio<AnyNode>) => string[];
  /** Adjusts the merged posting, e.g. to strip a board's " at Company" title suffix. */
  refine?: (posting: RawPosting, $: CheerioAPI) => RawPosting;
}

/**
 * Returns the posting of a detail page, or why it has none. `lowerCaseHtml` is the page source
 * lower-cased, for phrase checks. Throws ParseError when no step finds a title.
 */
export function extractPosting($: CheerioAPI, lowerCaseHtml: string, url: string, site: SiteConfig, hooks: DetailHooks = {}): DetailResult {
  const missing = detectMissingByPhrases($, lowerCaseHtml, url, site) ?? hooks.detectMissing?.($, url) ?? null;
  if (missing) {
    return missing;
  }

  const fields = emptyPostingFields();
  // Pages without a JSON-LD script skip the whole-page query for one.
  const jsonLdBlocks = lowerCaseHtml.includes('application/ld+json') ? parseJsonLdBlocks($).values : [];
  const jsonLdPosting = findJobPostings(jsonLdBlocks)[0] ?? null;
  let titleMethod: ExtractionMethod | null = null;

  if (jsonLdPosting) {
    fillMissingFields(fields, readJobPosting(jsonLdPosting));
    titleMethod = fields.title ? 'json-ld' : null;
  }

  const configuredContainer = site.detail.container ? findFirst($.root(), site.detail.container) : null;
  const container: Cheerio<AnyNode> = configuredContainer && configuredContainer.length > 0 ? configuredContainer : $.root();
  // Board code is written for its markup and generic selectors are not, so board code fills fields first.
  fillMissingFields(fields, hooks.readBoardFields?.($, container, url) ?? {});
  fillMissingFields(fields, readSelectorFields($, container, site.detail, url));
  fillMissingFields(fields, readLabelledFields($, container, site.detail));
  titleMethod ??= fields.title ? 'labelled' : null;

  fillMissingFields(fields, readGenericFields($, fields));
  titleMethod ??= fields.title ? 'generic' : null;

  if (!fields.title || !titleMethod) {
    throw new ParseError(`no posting title found on ${url} for site "${site.id}"`, {
      context: { url, site: site.id },
      hint: `The page no longer matches the selectors of "${site.id}" in sites.yaml; compare them with the page.`,
    });
  }
  if (fields.salaryText === null && fields.salary !== null) {
    fields.salaryText = formatSalary(fields.salary);
  }

  const posting: RawPosting = {
    url,
    ...fields,
    title: fields.title,
    positionTitles: hooks.readPositionTitles?.($, container) ?? [],
    jsonLd: jsonLdPosting,
    extractedBy: titleMethod,
  };
  return hooks.refine ? hooks.refine(posting, $) : posting;
}

/** Writes JSON-LD salary numbers as display text, e.g. `KES 80,000 - 120,000 per month`. */
export function formatSalary(amount: SalaryAmount): string {
  const number = (value: number) => value.toLocaleString('en-US');
  const figures =
    amount.min !== null && amount.max !== null
      ? `${number(amount.min)} - ${number(amount.max)}`
      : number(amount.value ?? amount.min ?? amount.max ?? 0);
  const currency = amount.currency ? `${amount.currency} ` : '';
  const unit = amount.unit ? ` per ${amount.unit.toLowerCase()}` : '';
  return `${currency}${figures}${unit}`;
}

/** Checks the title and heading for removal phrases, then the raw HTML for expiry phrases. */
function detectMissingByPhrases($: CheerioAPI, lowerCaseHtml: string, url: string, site: SiteConfig): MissingPosting | null {
  const heading = `${findFirst($.root(), 'title').text()} ${findFirst($.root(), 'h1').text()}`.toLowerCase();
  const notFound = site.detail.notFoundPhrases.find((phrase) => heading.includes(phrase.toLowerCase()));
  if (notFound) {
    return { url, missing: 'not_found', reason: notFound };
  }

  if (site.detail.expiredPhrases.length === 0) {
    return null;
  }
  // NOTE: the phrases are matched in the HTML source, so a phrase split by markup is missed.
  const expired = site.detail.expiredPhrases.find((phrase) => lowerCaseHtml.includes(phrase.toLowerCase()));
  return expired ? { url, missing: 'expired', reason: expired } : null;
}
