/**
 * Prepares the normalizer input of a claimed posting. A scraped posting is extracted again from
 * its stored page with its site's adapter, so a parser fix reaches old postings without a new
 * fetch. A migrated posting has only its stored title and text.
 */
import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import type { LatestRawPage } from '../../db/queries/raw-pages.js';
import { errorMessage } from '../../lib/errors.js';
import type { LabelledFields, PostingInput } from '../../normalize/normalize-posting.js';
import { isMissingPosting, type RawPosting, type SiteAdapter } from '../../sites/types.js';
import type { LearnedHints } from './load-learned-hints.js';

/** Returns the adapter of a site, or undefined when nextke has none for it. */
export type AdapterLookup = (siteId: string) => SiteAdapter | undefined;

export type PreparedPosting =
  | { kind: 'posting'; input: PostingInput; locationRaw: string | null; warning: string | null }
  /** The stored page shows the posting is gone, so it is saved as a reject with this reason. */
  | { kind: 'missing'; rejectReason: string };

/** Builds the normalizer input of one posting. A failed re-extraction falls back to the stored text and returns a warning. */
export function buildPostingInput(
  posting: ClaimedPosting,
  page: LatestRawPage | undefined,
  hints: LearnedHints,
  findAdapter: AdapterLookup,
): PreparedPosting {
  const stored: PostingInput = {
    url: posting.url,
    source: posting.source,
    title: posting.title_raw,
    text: posting.description_raw,
    requirementsText: posting.requirements_raw,
    fetchedAt: new Date(posting.first_seen),
    aliases: hints.aliases,
    extraSkills: hints.extraSkills,
  };
  if (page === undefined) {
    return { kind: 'posting', input: stored, locationRaw: null, warning: null };
  }

  const adapter = findAdapter(page.site);
  if (adapter === undefined) {
    return { kind: 'posting', input: stored, locationRaw: null, warning: `no adapter for site ${page.site}` };
  }

  let extracted: ReturnType<SiteAdapter['parseDetail']>;
  try {
    extracted = adapter.parseDetail(page.html, page.url);
  } catch (error) {
    return { kind: 'posting', input: stored, locationRaw: null, warning: `re-extraction of ${page.url} failed: ${errorMessage(error)}` };
  }
  if (isMissingPosting(extracted)) {
    return { kind: 'missing', rejectReason: extracted.missing };
  }

  return {
    kind: 'posting',
    input: { ...stored, ...fromRawPosting(extracted, stored), fetchedAt: page.fetchedAt },
    locationRaw: extracted.location,
    warning: null,
  };
}

function fromRawPosting(raw: RawPosting, stored: PostingInput): Pick<PostingInput, 'title' | 'text' | 'requirementsText' | 'fields' | 'jsonLd'> {
  const fields: LabelledFields = {
    organization: raw.organization,
    location: raw.location,
    employmentType: raw.employmentType,
    salary: raw.salaryText,
    education: raw.education,
    experience: raw.experience,
    datePosted: raw.datePosted,
    deadline: raw.deadline,
    industry: raw.industry,
  };
  return {
    title: raw.title ?? stored.title,
    text: raw.descriptionText ?? stored.text,
    requirementsText: raw.requirementsText ?? stored.requirementsText ?? null,
    fields,
    jsonLd: raw.jsonLd,
  };
}
