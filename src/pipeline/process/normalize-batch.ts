/**
 * Extracts and normalizes one claimed batch: pure CPU work between the claim and the save.
 */
import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import type { LatestRawPage } from '../../db/queries/raw-pages.js';
import { errorMessage } from '../../lib/errors.js';
import { normalizePosting } from '../../normalize/normalize-posting.js';
import { applyTitleClassifier } from './apply-title-classifier.js';
import { buildPostingInput, type AdapterLookup } from './build-posting-input.js';
import type { LearnedHints } from './load-learned-hints.js';
import { toProcessedPosting, toRejectedPosting, type ProcessedPosting } from './to-processed-posting.js';

export interface NormalizedBatch {
  postings: ProcessedPosting[];
  /** One entry per posting whose page could not be extracted again (its stored text was used). */
  warnings: Array<{ jobId: string; message: string }>;
  /** One entry per posting that failed; each is saved as a reject with reason `processing_error`. */
  errors: Array<{ jobId: string; message: string }>;
}

/** Reject reason of a posting whose processing threw: a bug to report, kept out of insights meanwhile. */
export const PROCESSING_ERROR_REASON = 'processing_error';

/** Normalizes every claimed posting, in claim order; `pages` contains the stored pages of scraped postings. */
export function normalizeBatch(
  claimed: readonly ClaimedPosting[],
  pages: ReadonlyMap<string, LatestRawPage>,
  hints: LearnedHints,
  findAdapter: AdapterLookup,
): NormalizedBatch {
  const postings: ProcessedPosting[] = [];
  const warnings: NormalizedBatch['warnings'] = [];
  const errors: NormalizedBatch['errors'] = [];

  for (const row of claimed) {
    const identity = { id: row.id, firstSeen: new Date(row.first_seen) };
    try {
      const prepared = buildPostingInput(row, pages.get(row.id), hints, findAdapter);
      if (prepared.kind === 'missing') {
        postings.push(toRejectedPosting(identity, prepared.rejectReason));
        continue;
      }

      if (prepared.warning !== null) {
        warnings.push({ jobId: row.id, message: prepared.warning });
      }
      const normalized = applyTitleClassifier(normalizePosting(prepared.input), prepared.input.title, hints.titleClassifier);
      postings.push(toProcessedPosting(identity, normalized, prepared.locationRaw));
    } catch (error) {
      errors.push({ jobId: row.id, message: errorMessage(error) });
      postings.push(toRejectedPosting(identity, PROCESSING_ERROR_REASON));
    }
  }
  return { postings, warnings, errors };
}
