/**
 * Recognizes pages that look like postings but are not vacancies: board category and listing
 * pages, "job not found" and expired notices, parked domains, sign-in forms, pricing pages for
 * employers, blog articles, shortlist and interview notices, tenders and expressions of interest
 * addressed to firms, and scholarship adverts.
 */

export interface NonJobInput {
  title: string | null;
  text: string | null;
  url: string | null;

  /** `text` lower-cased with whitespace collapsed, when the caller has it; it only saves work. */
  lowerText?: string | null;
}

export interface NonJobVerdict {
  isJob: boolean;

  /** Why the page is not a job: a short stable phrase, for counting in reports. */
  reason: string | null;
}

const HEAD_CHARS = 2500;
const MIN_CONTENT_CHARS = 40;

const CATEGORY_URL =
  /\/(?:jobs-at|jobs-by-field|jobs-by-education|jobs-location|job-category|job-type|job-location|category|categories|tag)\/|\/jobs\/?(?:\?|$)|\/jobs\/page\/\d+|[?&]page=\d+/i;
// "Showing 1–20 of 38 jobs", Standard Arena's "Showing all 4 jobs", "120 jobs found".
const LISTING_TEXT = /\bShowing\s+(?:all\s+\d+|\d+\s*[-–]\s*\d+\s+of\s+\d+)\s+jobs\b|\b\d+\s+jobs\s+found\b/i;
// A list of other postings, each closed by its age ("Full Time 2 days ago"), without a "Showing" line.
const LISTED_AGE = /\b\d{1,2}\s+(?:hours?|days?|weeks?)\s+ago\b/gi;
const MIN_LISTED_AGES = 4;
const LISTING_HEAD_CHARS = 600;

// Boards' price lists for employers: "Affordable Job Posting Packages for Employers", "Our Plans And Packages".
const PRICING = /\b(?:job\s+(?:posting\s+)?packages|employer\s+packages|plans\s+and\s+packages|pricing\s+plans)\b/i;
const SIGN_IN = /\b(?:you\s+must\s+sign\s+in|sign\s+in\s+with|lost\s+your\s+password|remember\s+me)\b/i;
const ARTICLE_TITLE = /^\s*(?:blogs?|news|articles?|career\s+advice)\s*$/i;
const SIGN_IN_HEAD_CHARS = 400;

const NOT_FOUND = /\b(?:job|page|vacancy|listing)\s+not\s+found\b|\b404\b.{0,40}\bnot\s+found\b|\bthis\s+(?:job|page)\s+(?:does\s+not|doesn['’]t)\s+exist\b/i;
const EXPIRED =
  /\b(?:this\s+)?(?:job|vacancy|position|listing|advert)\s+(?:has\s+)?(?:expired|been\s+filled|been\s+closed|is\s+(?:no\s+longer\s+available|closed))\b|\bno\s+longer\s+accepting\s+applications\b|\bjob\s+expired\b/i;
const PARKED = /\b(?:this\s+domain\s+(?:is|may\s+be)\s+for\s+sale|buy\s+this\s+domain|domain\s+is\s+parked|parked\s+free|domain\s+names?\s+for\s+sale)\b/i;

const NOTICE_TITLE =
  /\b(?:shortlist(?:ed)?\s+(?:candidates|applicants)|shortlist|interview\s+(?:schedule|list|dates|results)|list\s+of\s+(?:successful|shortlisted|qualified)|successful\s+(?:candidates|applicants)|corrigendum|addendum|cancell?ation\s+of|results\s+of|notice\s+of)\b/i;
const TENDER_TITLE = /\b(?:tenders?|expressions?\s+of\s+interest|EOI|request\s+for\s+(?:proposals?|quotations?|bids)|RFP|RFQ|pre-?qualification|invitation\s+to\s+bid)\b/i;
const TENDER_BODY = /\b(?:expressions?\s+of\s+interest|EOI|tender\s+(?:no|number|document)|invitation\s+to\s+(?:tender|bid)|request\s+for\s+(?:quotations?|bids))\b/i;
const FIRMS = /\b(?:companies|firms|suppliers|vendors|contractors|service\s+providers|bidders|tenderers)\b/i;
const SCHOLARSHIP_TITLE = /\b(?:scholarships?|bursary|bursaries)\b/i;

/** Decides whether a page is a vacancy; the first matching reason wins. */
export function detectNonJob(input: NonJobInput): NonJobVerdict {
  const title = input.title ?? '';
  const head = (input.text ?? '').slice(0, HEAD_CHARS);
  const url = input.url ?? '';

  // Each regular expression over the head runs only when a word it needs is present.
  // Collapsing whitespace can only shorten the text, so this head contains every word of `head`.
  const lowerHead = input.lowerText?.slice(0, HEAD_CHARS) ?? head.toLowerCase().replace(/\s+/g, ' ');
  const has = (...words: string[]): boolean => words.some((word) => lowerHead.includes(word));

  if (title.trim().length === 0 && head.trim().length < MIN_CONTENT_CHARS) return notAJob('empty page');
  if (PARKED.test(title) || (has('domain', 'parked') && PARKED.test(head))) return notAJob('parked domain');
  if (NOT_FOUND.test(title) || (has('found', 'exist') && NOT_FOUND.test(head.slice(0, 300)))) return notAJob('job not found');
  if (EXPIRED.test(title) || (has('expired', 'filled', 'closed', 'no longer') && EXPIRED.test(head.slice(0, 500)))) return notAJob('expired notice');
  if (CATEGORY_URL.test(url) || isListing(head, has('jobs'))) return notAJob('category page');
  if (PRICING.test(title) || (has('packages', 'pricing') && PRICING.test(head))) return notAJob('pricing page');
  if (has('sign in', 'password', 'remember me') && SIGN_IN.test(head.slice(0, SIGN_IN_HEAD_CHARS))) return notAJob('sign-in page');
  if (ARTICLE_TITLE.test(title)) return notAJob('article');
  if (NOTICE_TITLE.test(title)) return notAJob('notice document');
  if (TENDER_TITLE.test(title) || (has('interest', 'eoi', 'tender', 'invitation', 'request') && TENDER_BODY.test(head) && FIRMS.test(head))) {
    return notAJob('tender or expression of interest');
  }
  if (SCHOLARSHIP_TITLE.test(title)) return notAJob('scholarship advert');
  return { isJob: true, reason: null };
}

/** A listing page names its job count near the top, or opens with several postings, each with its age. */
function isListing(head: string, mentionsJobs: boolean): boolean {
  if (mentionsJobs && LISTING_TEXT.test(head.slice(0, 300))) return true;

  const listedAges = head.slice(0, LISTING_HEAD_CHARS).match(LISTED_AGE);
  return listedAges !== null && listedAges.length >= MIN_LISTED_AGES;
}

function notAJob(reason: string): NonJobVerdict {
  return { isJob: false, reason };
}
