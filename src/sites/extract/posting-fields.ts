/** The extractable fields of a posting and the rule that merges extraction steps. */
import type { RawPosting } from '../types.js';

export type PostingFields = Omit<RawPosting, 'url' | 'positionTitles' | 'jsonLd' | 'extractedBy'>;

export const POSTING_FIELD_NAMES = [
  'title',
  'organization',
  'location',
  'employmentType',
  'salaryText',
  'salary',
  'education',
  'experience',
  'datePosted',
  'deadline',
  'descriptionText',
  'descriptionHtml',
  'requirementsText',
  'requirementsHtml',
  'applyUrl',
  'industry',
] as const satisfies readonly (keyof PostingFields)[];

export function emptyPostingFields(): PostingFields {
  return {
    title: null,
    organization: null,
    location: null,
    employmentType: null,
    salaryText: null,
    salary: null,
    education: null,
    experience: null,
    datePosted: null,
    deadline: null,
    descriptionText: null,
    descriptionHtml: null,
    requirementsText: null,
    requirementsHtml: null,
    applyUrl: null,
    industry: null,
  };
}

/**
 * Fills the fields of `target` that are still null from `source`, so an earlier extraction step
 * always wins. Returns true when `source` supplied at least one field.
 */
export function fillMissingFields(target: PostingFields, source: Partial<PostingFields>): boolean {
  let didFill = false;
  for (const name of POSTING_FIELD_NAMES) {
    const value = source[name];
    if (target[name] === null && value !== null && value !== undefined) {
      (target as Record<string, unknown>)[name] = value;
      didFill = true;
    }
  }
  return didFill;
}
