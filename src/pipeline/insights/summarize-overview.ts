import type { Kysely } from 'kysely';

import { countPostingsForOverview, type SourceOverviewCounts } from '../../db/queries/overview-counts.js';
import type { ReportFilter } from '../../db/queries/report-scope.js';
import type { Database } from '../../db/schema.js';

export interface OverviewReport {
  /** Quality score (0–1) at or above which a unique posting counts as high quality. */
  qualityThreshold: number;
  totals: Omit<SourceOverviewCounts, 'source'> & {
    /** Share of unique postings that are high quality, 0–1; null without unique postings. */
    highQualityShare: number | null;
  };
  bySource: SourceOverviewCounts[];
}

/** Summarizes processed postings: unique, duplicates removed, rejects, high-quality share, per source. */
export async function summarizeOverview(db: Kysely<Database>, filter: ReportFilter, qualityThreshold: number): Promise<OverviewReport> {
  const bySource = await countPostingsForOverview(db, filter, qualityThreshold);

  const sum = (pick: (row: SourceOverviewCounts) => number) => bySource.reduce((total, row) => total + pick(row), 0);
  const unique = sum((row) => row.unique);
  const highQuality = sum((row) => row.highQuality);
  return {
    qualityThreshold,
    totals: {
      processed: sum((row) => row.processed),
      unique,
      duplicates: sum((row) => row.duplicates),
      rejected: sum((row) => row.rejected),
      highQuality,
      withSalary: sum((row) => row.withSalary),
      highQualityShare: unique === 0 ? null : roundShare(highQuality / unique),
    },
    bySource,
  };
}

/** Rounds a 0–1 share to four decimals, enough for a percentage with two. */
export function roundShare(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}
