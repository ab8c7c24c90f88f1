/**
 * The contract between a board's markup and the rest of nextke. An adapter is pure: HTML and the
 * page URL in, typed records out. It never fetches, never touches the database and never logs.
 */

/** One posting link found on a listing page, with what the card shows. Card fields are raw text. */
export interface ListingCard {
  /** Absolute URL of the detail page, as linked (resolve relative links against the page URL). */
  url: string;
  title: string | null;
  organization: string | null;
  location: string | null;
  employmentType: string | null;
  salaryText: string | null;
  /** Date or age exactly as shown ("2 days ago", "02/Mar/2026", "16 April"). */
  postedText: string | null;
  isFeatured: boolean;
}

export interface ListingPage {
  /** Cards in page order, ad slots and sidebar links left out. A URL appears once. */
  postings: ListingCard[];
  /** Absolute URL of the next page from the page's own pager; null when the page has none. */
  nextPageUrl: string | null;
  /** True when the page has no posting cards at all. */
  isEmpty: boolean;
}

/** Pay read from JSON-LD `baseSalary`; numbers are as published, in `currency` per `unit`. */
export interface SalaryAmount {
  min: number | null;
  max: number | null;
  /** A single published figure (`value` as a number), when no range is given. */
  value: number | null;
  currency: string | null;
  /** schema.org unit text as published: HOUR, DAY, WEEK, MONTH, YEAR. */
  unit: string | null;
}

/** Extraction step that produced a posting's title. */
export type ExtractionMethod = 'json-ld' | 'labelled' | 'generic';

/** The fields a posting page supplies, whichever extraction step found them; absent ones are null. */
export interface PostingFields {
  title: string | null;
  organization: string | null;
  location: string | null;
  employmentType: string | null;
  /** Salary as displayed, or rebuilt from `salary` when only JSON-LD numbers exist. */
  salaryText: string | null;
  salary: SalaryAmount | null;
  education: string | null;
  experience: string | null;
  /** Date text as published (ISO from JSON-LD, else the page's own wording). */
  datePosted: string | null;
  deadline: string | null;
  descriptionText: string | null;
  descriptionHtml: string | null;
  requirementsText: string | null;
  requirementsHtml: string | null;
  applyUrl: string | null;
  industry: string | null;
}

/** One posting as the page shows it. Text fields are trimmed raw text; normalisation happens later. */
export interface RawPosting extends PostingFields {
  url: string;
  /** Titles of the separate positions when one page advertises several; empty for a single posting. */
  positionTitles: string[];
  /** The JobPosting JSON-LD node the page carried, with `@id` references resolved; null when none. */
  jsonLd: Record<string, unknown> | null;
  extractedBy: ExtractionMethod;
}

/** A detail page that holds no posting: removed, expired, or not a job at all. */
export interface MissingPosting {
  url: string;
  missing: 'not_found' | 'expired';
  /** The phrase or condition that showed it, for logs and counters. */
  reason: string;
}

export type DetailResult = RawPosting | MissingPosting;

/**
 * Turns one board's pages into records.
 *
 * @example
 * const adapter = getSiteAdapter('myjobmag');
 * const page = adapter.parseListing(html, 'https://www.myjobmag.co.ke/jobs/page/2');
 * const detail = adapter.parseDetail(detailHtml, page.postings[0].url);
 * if (!isMissingPosting(detail)) console.log(detail.title);
 */
export interface SiteAdapter {
  /** Key of the site in sites.yaml, also the `job_post.source` of its postings. */
  readonly id: string;
  parseListing(html: string, pageUrl: string): ListingPage;
  parseDetail(html: string, url: string): DetailResult;
}

export function isMissingPosting(result: DetailResult): result is MissingPosting {
  return 'missing' in result;
}
