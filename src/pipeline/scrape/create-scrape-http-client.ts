/** Builds the HTTP client of a scrape run from the configuration and the sites' rates. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_ROOT, type AppConfig } from '../../config/load-config.js';
import { createHttpClient, type HttpClient } from '../../http/http-client.js';
import type { Logger } from '../../lib/log.js';
import type { SiteConfig } from '../../sites/site-config.js';
import { HTTP_TIMEOUTS, MAX_BODY_BYTES, MAX_REDIRECTS, type ScrapeOptions } from './scrape-options.js';

/** Returns `nextke/<version> (+<contact URL>)`, the User-Agent every request sends. */
export function buildUserAgent(contactUrl: string): string {
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // A missing manifest only changes the version shown; the contact URL still identifies nextke.
  }
  return `nextke/${version} (+${contactUrl})`;
}

export function createScrapeHttpClient(config: AppConfig, sites: readonly SiteConfig[], options: ScrapeOptions, log: Logger, signal: AbortSignal): HttpClient {
  const siteByHost = new Map(sites.map((site) => [new URL(site.baseUrl).host, site]));
  const jobRpm = options.jobRpm ?? config.scrape.jobRpm;

  return createHttpClient({
    userAgent: buildUserAgent(config.scrape.contactUrl),
    jobRpm,
    maxConcurrency: 2,
    limitsForHost: (host) => {
      const site = siteByHost.get(host);
      if (!site) {
        return undefined;
      }
      const requestsPerMinute = options.ignoreSiteRates ? undefined : site.rate.requestsPerMinute;
      return { requestsPerMinute, concurrency: site.rate.concurrency };
    },
    timeouts: HTTP_TIMEOUTS,
    maxBodyBytes: MAX_BODY_BYTES,
    maxRedirects: MAX_REDIRECTS,
    retry: options.retry,
    obeyRobots: options.obeyRobots ?? true,
    logger: log,
    signal,
  });
}
