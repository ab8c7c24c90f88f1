import type { Kysely } from 'kysely';

import { countPostingsByCounty, countPostingsByCountyAndFamily, type CountyFamilyPostings } from '../../db/queries/location-counts.js';
import type { ReportFilter } from '../../db/queries/report-scope.js';
import type { Database } from '../../db/schema.js';
import { roundShare } from './summarize-overview.js';

export interface LocationAnalysisReport {
  /** `share` is the county's fraction (0–1) of unique postings; `topFamily` its largest family. */
  byCounty: Array<{ county: string; postings: number; share: number; topFamily: string | null }>;
  byCountyFamily: CountyFamilyPostings[];
}

/** Summarizes unique postings by county, and by county and family. */
export async function summarizeLocationAnalysis(db: Kysely<Database>, filter: ReportFilter): Promise<LocationAnalysisReport> {
  const byCounty = await countPostingsByCounty(db, filter);
  const byCountyFamily = await countPostingsByCountyAndFamily(db, filter);

  // Rows arrive largest first within each county, so the first one seen is the top family.
  const topFamilyByCounty = new Map<string, string>();
  for (const row of byCountyFamily) {
    if (!topFamilyByCounty.has(row.county)) {
      topFamilyByCounty.set(row.county, row.family);
    }
  }

  const total = byCounty.reduce((sum, row) => sum + row.postings, 0);
  return {
    byCounty: byCounty.map((row) => ({
      ...row,
      share: roundShare(row.postings / total),
      topFamily: topFamilyByCounty.get(row.county) ?? null,
    })),
    byCountyFamily,
  };
}
