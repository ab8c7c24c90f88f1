/**
 * The zod schema of one site in sites.yaml and the types derived from it. Selectors are CSS
 * selectors as cheerio understands them; card and detail field selectors are matched inside the
 * card or the detail container.
 */
import * as cheerio from 'cheerio/slim';
import { z } from 'zod';

/** Posting fields that a labelled row on a detail page can fill. */
export const LABELLED_FIELD_NAMES = [
  'organization',
  'location',
  'employmentType',
  'salaryText',
  'education',
  'experience',
  'datePosted',
  'deadline',
  'industry',
  'ignore',
] as const;

export type LabelledFieldName = (typeof LABELLED_FIELD_NAMES)[number];

// Selecting on an empty document compiles the selector, so a syntax error surfaces at load
// time, naming the key, instead of as a parse failure on the first fetched page.
const emptyDocument = cheerio.load('');

const selector = z
  .string()
  .trim()
  .min(1, 'expected a non-empty CSS selector')
  .superRefine((value, context) => {
    try {
      emptyDocument(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: `invalid CSS selector "${value}": ${(error as Error).message}` });
    }
  });

const absoluteHttpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'expected an absolute http(s) URL such as https://www.example.co.ke');

const regexSource = z.string().refine((value) => {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}, 'expected a valid regular expression');

const cardFieldsSchema = z
  .object({
    title: selector.optional(),
    organization: selector.optional(),
    location: selector.optional(),
    employmentType: selector.optional(),
    salary: selector.optional(),
    posted: selector.optional(),
    /** A card containing this element is a featured card. */
    featured: selector.optional(),
  })
  .strict();

const listingSchema = z
  .object({
    /** Path of listing page N, with `{page}` where the number goes, e.g. `/jobs?page={page}`. */
    path: z.string().includes('{page}', { message: 'expected a path containing {page}, e.g. /jobs?page={page}' }),
    /** Path of the first page when it has no number, e.g. `/jobs`. */
    firstPagePath: z.string().optional(),
    /** Number of the first page. */
    firstPage: z.number().int().min(0).default(1),
    card: selector,
    /** The posting link inside a card; the card itself when omitted. */
    link: selector.optional(),
    /** Attribute holding the posting URL. */
    linkAttribute: z.string().min(1).default('href'),
    /** Cards containing this element are skipped (ad slots). */
    skipCardsWith: selector.optional(),
    cardFields: cardFieldsSchema.default({}),
    /** The "next page" link; the crawl also stops without it when a page brings nothing new. */
    nextLink: selector.optional(),
    /** A page holding fewer cards than this is the last one. */
    fullPageSize: z.number().int().min(1).optional(),
  })
  .strict();

const labelsSchema = z
  .object({
    /** One labelled row, e.g. `ul.job-key-info li`. */
    item: selector,
    /** The label inside a row. */
    label: selector,
    /** The value inside a row; the row text minus the label when omitted. */
    value: selector.optional(),
    /** Label text (case and trailing colon ignored) to posting field. */
    fields: z.record(z.string().min(1), z.enum(LABELLED_FIELD_NAMES)),
  })
  .strict();

const detailSchema = z
  .object({
    /** Regular expression that canonical posting URLs match; other links on listing pages are ignored. */
    urlPattern: regexSource.optional(),
    /** The element holding the posting; the whole page when omitted. */
    container: selector.optional(),
    title: selector.optional(),
    organization: selector.optional(),
    location: selector.optional(),
    employmentType: selector.optional(),
    salary: selector.optional(),
    datePosted: selector.optional(),
    deadline: selector.optional(),
    industry: selector.optional(),
    description: selector.optional(),
    requirements: selector.optional(),
    apply: selector.optional(),
    labels: labelsSchema.optional(),
    /** Phrases in the page title or heading that mean the posting was removed. */
    notFoundPhrases: z.array(z.string().min(1)).default([]),
    /** Phrases in the page text that mean the posting has expired. */
    expiredPhrases: z.array(z.string().min(1)).default([]),
  })
  .strict();

const rateSchema = z
  .object({
    /** Replaces JOB_RPM for this site's host; 0 turns the limit off. */
    requestsPerMinute: z.number().min(0).optional(),
    /** Requests in flight at once to this site's host. */
    concurrency: z.number().int().min(1).max(32).default(2),
  })
  .strict();

export const siteConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Human name shown in reports. */
    name: z.string().min(1).optional(),
    baseUrl: absoluteHttpUrl,
    listing: listingSchema,
    detail: detailSchema.default({ notFoundPhrases: [], expiredPhrases: [] }),
    rate: rateSchema.default({ concurrency: 2 }),
    /** Phrases that mark a challenge page on this site, beyond the built-in Cloudflare markers. */
    blockedMarkers: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const sitesFileSchema = z
  .object({
    sites: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case site key such as my-board'), siteConfigSchema),
  })
  .strict();

export type SiteConfig = z.infer<typeof siteConfigSchema> & { id: string };
export type ListingConfig = SiteConfig['listing'];
export type DetailConfig = SiteConfig['detail'];
