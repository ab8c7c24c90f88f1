/**
 * The local halves of the workflow's scrape stage: the site check as a report with the healthy
 * sites, and a scrape of the given sites in this process.
 */
import { performance } from 'node:perf_hooks';

import { ErrorTally } from '../lib/error-tally.js';
import type { StageStatus } from '../pipeline/run-report.js';
import { checkSites } from '../pipeline/scrape/check-sites.js';
import { runScrape } from '../pipeline/scrape/run-scrape.js';
import { DEFAULT_REFRESH_AFTER_DAYS } from '../pipeline/scrape/scrape-options.js';
import type { CheckSites, ScrapeSites } from './checked-scrape-stage.js';

/** Checks every enabled site; the report is partial when some are down and failed when all are. */
export const checkSitesForWorkflow: CheckSites = async (ctx) => {
  const startedAtMs = performance.now();
  const checks = await checkSites(ctx, {});

  const errors = new ErrorTally();
  const downSites = checks.filter((check) => !check.isHealthy).map((check) => ({ siteId: check.site, reason: check.failure ?? 'unknown' }));
  for (const site of downSites) {
    errors.add(site.reason, `site ${site.siteId}`);
  }

  const healthySiteIds = checks.filter((check) => check.isHealthy).map((check) => check.site);
  return {
    report: {
      stage: 'scrape',
      status: decideCheckStatus(checks.length, healthySiteIds.length),
      counts: {},
      durationMs: performance.now() - startedAtMs,
      errorGroups: errors.top(),
      reason: checks.length === 0 ? 'no site is enabled in the sites file' : undefined,
      details: { checks },
    },
    healthySiteIds,
    downSites,
  };
};

function decideCheckStatus(siteCount: number, healthyCount: number): StageStatus {
  if (siteCount === 0) {
    return 'skipped';
  }
  if (healthyCount === siteCount) {
    return 'succeeded';
  }
  return healthyCount === 0 ? 'failed' : 'partial';
}

/** Scrapes the given sites in this process. */
export const scrapeSitesLocally: ScrapeSites = async (ctx, siteIds) => runScrape(ctx, { siteIds, refreshAfterDays: DEFAULT_REFRESH_AFTER_DAYS, isDryRun: false });
