/**
 * The workflow's scrape stage: a site check first, then a scrape of only the sites that passed
 * it. A site that is down is counted and named in the stage's details, and it makes the stage
 * partial (exit 3). It never stops the run, even when every site is down.
 */
import type { Context } from '../pipeline/context.js';
import type { StageReport } from '../pipeline/run-report.js';
import { mergeStageReports } from './merge-stage-reports.js';
import type { StageRunner } from './stage-registry.js';

export interface SiteCheckResult {
  report: StageReport<object>;
  /** Sites that passed the check, in sites.yaml order. */
  healthySiteIds: string[];
  /** Sites that failed it, each with the reason. */
  downSites: Array<{ siteId: string; reason: string }>;
}

export type CheckSites = (ctx: Context) => Promise<SiteCheckResult>;
export type ScrapeSites = (ctx: Context, siteIds: readonly string[], runId: string) => Promise<StageReport<object>>;

/** Builds the stage from a site check and a scrape of the given sites (local, or fanned out to workers). */
export function createCheckedScrapeStage(checkSites: CheckSites, scrapeSites: ScrapeSites): StageRunner {
  return async (ctx, input) => {
    const startedAtMs = performance.now();
    const check = await checkSites(ctx);
    // The check's own "every site failed" status stops `scrape --check`; here the run goes on.
    const checkReport: StageReport<object> = check.report.status === 'failed' ? { ...check.report, status: 'partial' } : check.report;
    const downReason = check.downSites.map((site) => `site ${site.siteId}: ${site.reason}`).join('; ');

    const parts: Array<StageReport<object>> = [{ ...checkReport, reason: downReason || undefined, counts: { sitesChecked: check.healthySiteIds.length + check.downSites.length, sitesDown: check.downSites.length } }];
    if (check.healthySiteIds.length > 0 && !ctx.signal.aborted) {
      parts.push(await scrapeSites(ctx, check.healthySiteIds, input.runId));
    }

    const merged = mergeStageReports('scrape', parts, performance.now() - startedAtMs);
    return { ...merged, details: { sitesScraped: check.healthySiteIds, sitesDown: check.downSites, check: check.report.details, scrape: parts[1]?.details ?? null } };
  };
}
