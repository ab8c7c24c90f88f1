import { Command } from 'commander';
import { z } from 'zod';

import { EXIT_CODE, UsageError } from '../../lib/errors.js';
import type { StageReport } from '../../pipeline/run-report.js';
import type { SiteCheck } from '../../pipeline/scrape/check-sites.js';
import type { ScrapeDetails } from '../../pipeline/scrape/run-scrape.js';
import { DEFAULT_REFRESH_AFTER_DAYS } from '../../pipeline/scrape/scrape-options.js';
import { createCommandEnvironment, withContext } from '../command-context.js';
import { setCommandExitCode } from '../exit-code.js';
import { printJson, printKeyValues, printTable } from '../render.js';

const SCRAPE_HELP = `
Sites come from sites.yaml (NEXTKE_SITES_FILE). Requests per minute per host: JOB_RPM (default 60),
or a site's rate.requestsPerMinute; robots.txt and its Crawl-delay are obeyed.
Point a site at another server (a mirror or a local fixture server) with --base-url SITE=URL or
the environment variable NEXTKE_SITE_BASE_URL_<SITE>, e.g. NEXTKE_SITE_BASE_URL_MYJOBMAG.

Exit codes: 0 all sites crawled; 3 some site failed or crossed its failure ratio (--check: some
site unhealthy); 4 every site failed; 2 bad flags or sites.yaml; 130 interrupted.
`;

const flagsSchema = z.object({
  site: z.array(z.string().min(1)).optional(),
  all: z.boolean().optional(),
  check: z.boolean().optional(),
  maxPages: z.coerce.number().int().min(1).optional(),
  refreshAfter: z.coerce.number().min(0),
  dryRun: z.boolean().optional(),
  baseUrl: z.array(z.string()).optional(),
});

export function createScrapeCommand(): Command {
  return new Command('scrape')
    .description('crawl job boards politely and incrementally into job_post and raw_page')
    .option('--site <name>', 'crawl this site (repeatable)', collect)
    .option('--all', 'crawl every enabled site')
    .option('--check', 'health test: fetch listing page 1 and one detail page per site, write nothing')
    .option('--max-pages <n>', 'listing pages per site at most')
    .option('--refresh-after <days>', 'refetch a posting only when last seen this many days ago or more', String(DEFAULT_REFRESH_AFTER_DAYS))
    .option('--dry-run', 'fetch and parse, write nothing')
    .option('--base-url <site=url>', "replace a site's base URL (repeatable)", collect)
    .addHelpText('after', SCRAPE_HELP)
    .action(async (rawFlags: unknown, command: Command) => {
      const flags = flagsSchema.parse(rawFlags);
      const baseUrlOverrides = parseBaseUrlFlags(flags.baseUrl ?? []);

      if (flags.check) {
        await runCheck(command, flags.site, baseUrlOverrides);
        return;
      }
      if (!flags.all && (flags.site ?? []).length === 0) {
        throw new UsageError('nothing to scrape: pass --site NAME or --all', { hint: 'Run `nextke scrape --help` for the flags.' });
      }
      if (flags.all && flags.site) {
        throw new UsageError('--all and --site cannot be combined: pass one of them');
      }

      const { runScrape } = await import('../../pipeline/scrape/run-scrape.js');
      await withContext(command, async (ctx, environment) => {
        const report = await runScrape(ctx, {
          siteIds: flags.all ? undefined : flags.site,
          maxPages: flags.maxPages,
          refreshAfterDays: flags.refreshAfter,
          isDryRun: flags.dryRun ?? false,
          baseUrlOverrides,
        });

        if (environment.isJson) {
          printJson(report);
        } else {
          renderScrapeReport(report);
        }
        setCommandExitCode(exitCodeFor(report.status));
      });
    });
}

async function runCheck(command: Command, siteIds: string[] | undefined, baseUrlOverrides: Record<string, string>): Promise<void> {
  const environment = createCommandEnvironment(command);
  const { checkSites } = await import('../../pipeline/scrape/check-sites.js');
  const checks = await checkSites(environment, { siteIds, baseUrlOverrides });

  if (environment.isJson) {
    printJson({ sites: checks });
  } else {
    renderChecks(checks);
  }

  const failedCount = checks.filter((check) => !check.isHealthy).length;
  if (checks.length > 0 && failedCount === checks.length) {
    setCommandExitCode(EXIT_CODE.unavailable);
  } else if (failedCount > 0) {
    setCommandExitCode(EXIT_CODE.partial);
  }
}

function exitCodeFor(status: StageReport['status']) {
  switch (status) {
    case 'failed':
      return EXIT_CODE.unavailable;
    case 'partial':
      return EXIT_CODE.partial;
    case 'interrupted':
      return EXIT_CODE.interrupted;
    default:
      return EXIT_CODE.ok;
  }
}

/** Parses `--base-url site=url` pairs; the URL itself is validated with the sites file. */
export function parseBaseUrlFlags(values: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) {
      throw new UsageError(`invalid --base-url ${JSON.stringify(value)}: expected SITE=URL, e.g. myjobmag=http://127.0.0.1:8080`);
    }
    overrides[value.slice(0, at)] = value.slice(at + 1);
  }
  return overrides;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function renderScrapeReport(report: StageReport<ScrapeDetails>): void {
  const { details } = report;
  printTable(
    ['site', 'status', 'pages', 'found', 'fetched', 'new', 'updated', 'unchanged', 'recent', 'blocked', 'failed', 'stop', 'seconds'],
    details.sites.map((site) => [
      site.site,
      site.status,
      site.listingPages,
      site.postingsFound,
      site.detailsFetched,
      site.new,
      site.updated,
      site.unchanged + site.notModified,
      site.skippedRecent,
      site.blocked,
      site.failed,
      site.stopReason,
      site.seconds,
    ]),
    details.isDryRun ? 'Scrape (dry run: nothing written)' : 'Scrape',
  );

  const failures = details.sites.flatMap((site) => Object.entries(site.failedByReason).map(([reason, count]) => [site.site, reason, count] as const));
  if (failures.length > 0) {
    printTable(['site', 'reason', 'count'], failures, 'Failures by reason');
  }

  // Details left unfetched by SIGINT or SIGTERM are not failures; the next run fetches them.
  const skippedInterrupted = details.sites.reduce((sum, site) => sum + site.skippedInterrupted, 0);
  printKeyValues([
    ['status', report.status],
    ...(skippedInterrupted > 0 ? [['details not fetched (interrupted)', skippedInterrupted] as const] : []),
    ['requests', details.requests],
    ['retries', details.retries],
    ['requests/s', details.requestsPerSecond],
    ['seconds', Math.round(report.durationMs / 100) / 10],
  ]);
}

function renderChecks(checks: readonly SiteCheck[]): void {
  printTable(
    ['site', 'health', 'status', 'ms', 'cards', 'detail parsed', 'failure'],
    checks.map((check) => [check.site, check.isHealthy ? 'ok' : 'FAILED', check.httpStatus, check.responseMs, check.cardsFound, check.detailTitle, check.failure]),
    'Site check',
  );
}
