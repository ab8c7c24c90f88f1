/**
 * The `nextke scrape` stage: crawls the selected sites in parallel (each host keeps its own rate
 * limit), stores new and changed postings with their pages, and records each site's state.
 */
import { performance } from 'node:perf_hooks';

import { DependencyUnavailableError } from '../../lib/errors.js';
import { createSiteAdapter } from '../../sites/index.js';
import type { Context } from '../context.js';
import type { StageReport, StageStatus } from '../run-report.js';
import { createScrapeHttpClient } from './create-scrape-http-client.js';
import { crawlSite } from './crawl-site.js';
import { createDatabaseWriter, createDryRunWriter } from './posting-writer.js';
import type { ScrapeOptions } from './scrape-options.js';
import { selectSites } from './select-sites.js';
import type { SiteSummary, SiteTally } from './site-tally.js';

export interface ScrapeDetails {
  isDryRun: boolean;
  sites: SiteSummary[];
  requests: number;
  retries: number;
  bytes: number;
  requestsPerSecond: number;
}

/**
 * Crawls every selected site and returns the stage report. Status: `failed` when no site could be
 * crawled (the CLI exits 4), `partial` when some site failed or crossed its failure ratio (exit 3),
 * `interrupted` after SIGINT. Idempotent: a second run stores nothing new for unchanged postings.
 */
export async function runScrape(ctx: Context, options: ScrapeOptions): Promise<StageReport<ScrapeDetails>> {
  const startedMs = performance.now();
  const log = ctx.log.child({ stage: 'scrape' });
  const sites = selectSites(ctx.config.scrape.sitesFile, options.siteIds, ctx.config.env, options.baseUrlOverrides);
  const http = createScrapeHttpClient(ctx.config, sites, options, log, ctx.signal);
  const writer = options.isDryRun ? createDryRunWriter(ctx.store.db) : createDatabaseWriter(ctx.store.db);

  log.info('scrape started', { sites: sites.map((site) => site.id).join(','), isDryRun: options.isDryRun, refreshAfterDays: options.refreshAfterDays });
  const tallies = new Map<string, SiteTally>();
  ctx.progress.start('scraping');
  const reportProgress = (tally: SiteTally) => {
    tallies.set(tally.site, tally);
    const all = [...tallies.values()];
    ctx.progress.update({
      done: all.reduce((sum, each) => sum + each.detailsFetched + each.skippedRecent, 0),
      counts: { pages: all.reduce((sum, each) => sum + each.listingPages, 0), postings: all.reduce((sum, each) => sum + each.postingsFound, 0) },
    });
  };

  const summaries = await Promise.all(
    sites.map(async (site) => {
      const summary = await crawlSite({
        site,
        adapter: createSiteAdapter(site),
        http,
        writer,
        log: log.child({ site: site.id }),
        signal: ctx.signal,
        maxPages: options.maxPages,
        refreshAfterDays: options.refreshAfterDays,
        onProgress: reportProgress,
      });
      await writer.recordState({
        site: site.id,
        status: summary.status,
        error: summary.errorGroups[0] ? `${summary.errorGroups[0].group}: ${summary.errorGroups[0].example}` : null,
        isSuccess: summary.status === 'succeeded',
        pagesFetched: summary.listingPages,
        postingsSeen: summary.postingsFound,
        state: { stopReason: summary.stopReason, new: summary.new, updated: summary.updated, unchanged: summary.unchanged, failedByReason: summary.failedByReason },
      });
      return summary;
    }),
  );
  ctx.progress.stop();

  const durationMs = performance.now() - startedMs;
  const httpStats = http.stats();
  const report: StageReport<ScrapeDetails> = {
    stage: 'scrape',
    status: stageStatus(summaries, ctx.signal.aborted),
    counts: sumCounts(summaries),
    durationMs: Math.round(durationMs),
    errorGroups: summaries.flatMap((summary) => summary.errorGroups.map((group) => ({ ...group, group: `${summary.site}: ${group.group}` }))).sort((a, b) => b.count - a.count).slice(0, 3),
    details: {
      isDryRun: options.isDryRun,
      sites: summaries,
      requests: httpStats.requests,
      retries: httpStats.retries,
      bytes: httpStats.bytes,
      requestsPerSecond: Math.round((httpStats.requests / Math.max(durationMs, 1)) * 10_000) / 10,
    },
  };
  log.info('scrape finished', { status: report.status, ...report.counts, durationMs: report.durationMs });
  return report;
}

/**
 * Throws DependencyUnavailableError (exit 4) when every site failed, after the report is complete,
 * so the CLI can still print it. Callers that want the report regardless read `report.status`.
 */
export function assertSomeSiteReachable(report: StageReport<ScrapeDetails>): void {
  if (report.status === 'failed') {
    throw new DependencyUnavailableError(`every site failed: ${report.details.sites.map((site) => `${site.site} (${site.stopReason})`).join(', ')}`, {
      hint: 'Check the network, the base URLs in sites.yaml and whether the boards block nextke.',
    });
  }
}

function stageStatus(summaries: readonly SiteSummary[], isInterrupted: boolean): StageStatus {
  if (isInterrupted) {
    return 'interrupted';
  }
  if (summaries.length > 0 && summaries.every((summary) => summary.status === 'failed')) {
    return 'failed';
  }
  return summaries.some((summary) => summary.status !== 'succeeded') ? 'partial' : 'succeeded';
}

function sumCounts(summaries: readonly SiteSummary[]): Record<string, number> {
  const keys = ['listingPages', 'postingsFound', 'detailsFetched', 'new', 'updated', 'unchanged', 'skippedRecent', 'skippedInterrupted', 'notModified', 'removed', 'blocked', 'failed'] as const;
  return Object.fromEntries(keys.map((key) => [key, summaries.reduce((sum, summary) => sum + summary[key], 0)]));
}
