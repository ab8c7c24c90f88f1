/**
 * Turns one normalized posting into what the save step writes: the job_post columns, the
 * reference rows it points at, its skills and its dedupe signature.
 */
import { createHash } from 'node:crypto';

import type { ProcessedPostingColumns } from '../../db/queries/processed-postings.js';
import type { LocationRow, OrganizationRow, SkillRow, TitleNormRow } from '../../db/queries/reference-rows.js';
import { lshBandKeys, minhashSignatureOfShingleText, normalizeForShingles } from '../../normalize/duplicate-key.js';
import type { NormalizedLocation } from '../../normalize/normalize-location.js';
import type { NormalizedPosting } from '../../normalize/normalize-posting.js';
import { SKILL_CATEGORIES } from '../../normalize/skill-taxonomy.js';
import { salaryMonthlyKes } from './salary-monthly-kes.js';

/** The normalized columns, without the ids of the reference rows and the duplicate link (the save step resolves those). */
export type PostingColumns = Omit<ProcessedPostingColumns, 'id' | 'orgId' | 'titleNormId' | 'locationId' | 'duplicateOf'>;

export interface DedupeSignature {
  groupKey: string;
  signature: Uint32Array;
  bandKeys: string[];
}

export interface ProcessedPosting {
  id: string;
  firstSeen: Date;
  organization: OrganizationRow | null;
  location: LocationRow | null;
  title: TitleNormRow | null;
  skills: Array<SkillRow & { confidence: number }>;
  columns: PostingColumns;
  /** Null for rejects and for descriptions too short to compare. */
  dedupe: DedupeSignature | null;
}

export interface PostingIdentity {
  id: string;
  firstSeen: Date;
}

// Shorter descriptions have too few 5-word shingles for a meaningful similarity: two one-line
// adverts would look identical.
const MIN_DEDUPE_WORDS = 40;
const GROUP_HASH_HEX_CHARS = 16;

/** Maps a normalized posting to its saved form; `locationRaw` is the location text the page labelled, if any. */
export function toProcessedPosting(identity: PostingIdentity, normalized: NormalizedPosting, locationRaw: string | null): ProcessedPosting {
  const rejectReason = normalized.isJob ? null : (normalized.nonJobReason ?? 'not_a_job');
  const { salary } = normalized;

  const columns: PostingColumns = {
    titleFamily: normalized.titleFamily,
    employmentType: normalized.employmentType,
    seniority: normalized.seniority,
    salaryMin: salary.min,
    salaryMax: salary.max,
    currency: salary.currency,
    salaryPeriod: salary.period,
    salaryDisclosed: salary.isDisclosed === true,
    salaryMonthlyKes: salaryMonthlyKes(salary),
    education: normalized.education.level,
    professionalQualifications: normalized.education.professionalQualifications,
    experienceYears: normalized.experience.minYears,
    datePosted: normalized.datePosted,
    deadline: normalized.deadline,
    qualityScore: normalized.qualityScore,
    contentHash: normalized.contentHash,
    rejectReason,
  };

  return {
    id: identity.id,
    firstSeen: identity.firstSeen,
    organization: normalized.organization,
    location: toLocationRow(normalized.location, locationRaw),
    title: normalized.titleCanonical === null ? null : { canonical: normalized.titleCanonical, family: normalized.titleFamily },
    skills: normalized.skills.map((skill) => ({ name: skill.name, category: SKILL_CATEGORIES.get(skill.name) ?? null, confidence: skill.confidence })),
    columns,
    dedupe: rejectReason === null ? buildDedupeSignature(normalized) : null,
  };
}

/** The saved form of a posting whose page shows it is gone ("not_found", "expired"): a reject with no fields. */
export function toRejectedPosting(identity: PostingIdentity, rejectReason: string): ProcessedPosting {
  return {
    id: identity.id,
    firstSeen: identity.firstSeen,
    organization: null,
    location: null,
    title: null,
    skills: [],
    columns: {
      titleFamily: null,
      employmentType: null,
      seniority: null,
      salaryMin: null,
      salaryMax: null,
      currency: null,
      salaryPeriod: null,
      salaryDisclosed: false,
      salaryMonthlyKes: null,
      education: null,
      professionalQualifications: [],
      experienceYears: null,
      datePosted: null,
      deadline: null,
      qualityScore: 0,
      contentHash: null,
      rejectReason,
    },
    dedupe: null,
  };
}

/** Builds `country|region|city|remote` in lower case; null when the posting names no place at all. */
export function toLocationRow(location: NormalizedLocation, raw: string | null): LocationRow | null {
  if (location.country === null && location.region === null && location.city === null && !location.isRemote) {
    return null;
  }

  const parts = [location.country, location.region, location.city].map((part) => (part ?? '').toLowerCase());
  return {
    country: location.country,
    region: location.region,
    city: location.city,
    isRemote: location.isRemote,
    raw,
    locationKey: [...parts, location.isRemote ? 'remote' : ''].join('|'),
  };
}

/**
 * Postings are compared only within a group of the same organization key and normalized title.
 * The group's hash prefixes every band key, so the band-key index never pairs postings of
 * different groups. A posting without an organization is grouped with the others that have none.
 */
function buildDedupeSignature(normalized: NormalizedPosting): DedupeSignature | null {
  const { shingleText } = normalized;
  if (countWords(shingleText) < MIN_DEDUPE_WORDS) {
    return null;
  }

  const titleKey = normalized.titleCanonical ?? normalizeForShingles(normalized.title ?? '');
  const groupKey = `${normalized.organization?.nameKey ?? ''}|${titleKey}`;
  const groupHash = createHash('sha1').update(groupKey).digest('hex').slice(0, GROUP_HASH_HEX_CHARS);
  const signature = minhashSignatureOfShingleText(shingleText);
  return { groupKey, signature, bandKeys: lshBandKeys(signature).map((bandKey) => `${groupHash}:${bandKey}`) };
}

function countWords(text: string): number {
  let count = text.length === 0 ? 0 : 1;
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 32) {
      count++;
    }
  }
  return count;
}
