/**
 * The polite page fetcher used by the scrape stage: got for the request, a rate limiter per host,
 * robots.txt, retries with backoff, charset decoding and challenge-page detection. Every failure
 * surfaces as a FetchError whose `reason` is one of `FETCH_FAILURE_REASONS`.
 */
import { setMaxListeners } from 'node:events';

import got, { type Got, type Response } from 'got';

import { FetchError } from '../lib/errors.js';
import type { Logger } from '../lib/log.js';
import { decodeBody } from './decode-body.js';
import { detectBlock } from './detect-block.js';
import { HostRateLimiters, sleep, type HostRateLimiter } from './host-rate-limiter.js';
import { reasonForGotError } from './map-got-error.js';
import { pickKeptHeaders, type KeptHeaders } from './response-headers.js';
import { decideRetry, DEFAULT_RETRY_OPTIONS, reasonForStatus, type FetchFailureReason, type RetryOptions } from './retry-policy.js';
import { RobotsCache, type RobotsRules } from './robots.js';

export interface HostLimits {
  /** Request starts per rolling minute; 0 turns the limit off. */
  requestsPerMinute: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export interface HttpClientOptions {
  /** Full User-Agent header, naming nextke and a contact URL. */
  userAgent: string;
  /** Product token matched against robots.txt `User-agent` groups. */
  robotsUserAgentToken?: string;
  /** Default request starts per minute per host (`JOB_RPM`); 0 turns the limit off. */
  jobRpm: number;
  /** Default requests in flight per host. */
  maxConcurrency: number;
  /** Per-host limits that replace the defaults, e.g. from a site's `rate` in sites.yaml. */
  limitsForHost?: (host: string) => Partial<HostLimits> | undefined;
  timeouts: { connectMs: number; responseMs: number; requestMs: number };
  maxBodyBytes: number;
  maxRedirects: number;
  retry?: RetryOptions;
  /** Obey robots.txt rules and `Crawl-delay`; true unless a test turns it off. */
  obeyRobots?: boolean;
  logger: Logger;
  signal?: AbortSignal;
}

export interface FetchPageOptions {
  /** Stored `ETag`, sent as `If-None-Match`. */
  etag?: string | null;
  /** Stored `Last-Modified`, sent as `If-Modified-Since`. */
  lastModified?: string | null;
  /** Extra phrases that mark a challenge page on this site. */
  blockedMarkers?: readonly string[];
}

export interface PageResponse {
  status: number;
  /** URL after redirects. */
  url: string;
  headers: KeptHeaders;
  /** Decoded body; empty on 304. */
  html: string;
  /** Body size on the wire after decompression, in bytes. */
  bytes: number;
  isNotModified: boolean;
  /** Time of the successful attempt only, in milliseconds. */
  durationMs: number;
  charset: string;
  attempts: number;
}

export interface HttpClientStats {
  requests: number;
  retries: number;
  bytes: number;
  byStatus: Record<string, number>;
}

export interface HttpClient {
  /** Fetches one page, waiting for its host's limiter and retrying transient failures. Throws FetchError. */
  fetchPage(url: string, options?: FetchPageOptions): Promise<PageResponse>;
  stats(): HttpClientStats;
}

type AttemptOutcome =
  | { ok: true; page: Omit<PageResponse, 'attempts'> }
  | { ok: false; reason: FetchFailureReason; status?: number; retryAfter?: string; detail: string; cause?: unknown };

/** Creates a client whose limits, robots cache and counters live as long as the client. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const retryOptions = options.retry ?? DEFAULT_RETRY_OPTIONS;
  const signal = forwardAbort(options.signal);
  const logger = options.logger.child({ component: 'http' });
  const stats: HttpClientStats = { requests: 0, retries: 0, bytes: 0, byStatus: {} };

  const gotClient: Got = got.extend({
    headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    timeout: { connect: options.timeouts.connectMs, response: options.timeouts.responseMs, request: options.timeouts.requestMs },
    retry: { limit: 0 },
    // NOTE: got follows redirects itself, so a redirect to another host skips that host's robots.txt
    // and rate limiter. The four boards redirect only within their own host.
    followRedirect: true,
    maxRedirects: options.maxRedirects,
    throwHttpErrors: false,
    responseType: 'buffer',
    decompress: true,
  });

  const limiters = new HostRateLimiters((host) => {
    const override = options.limitsForHost?.(host);
    return {
      requestsPerMinute: override?.requestsPerMinute ?? options.jobRpm,
      concurrency: override?.concurrency ?? options.maxConcurrency,
    };
  });

  const robots = new RobotsCache(
    async (robotsUrl) => {
      const page = await fetchWithRetries(robotsUrl, {}, false);
      return { status: page.status, text: page.html };
    },
    options.robotsUserAgentToken ?? 'nextke',
    logger,
  );
  const crawlDelayApplied = new Set<string>();

  async function requestOnce(url: string, headers: Record<string, string>, blockedMarkers: readonly string[]): Promise<AttemptOutcome> {
    const startedMs = performance.now();
    const request = gotClient(url, { headers, signal, responseType: 'buffer' });

    let isTooLarge = false;
    request.on('downloadProgress', (progress) => {
      if (progress.transferred > options.maxBodyBytes || (progress.total ?? 0) > options.maxBodyBytes) {
        isTooLarge = true;
        request.cancel();
      }
    });

    let response: Response<Buffer>;
    try {
      response = await request;
    } catch (error) {
      if (isTooLarge) {
        return { ok: false, reason: 'too_large', detail: `body larger than ${options.maxBodyBytes} bytes` };
      }
      const reason = reasonForGotError(error);
      return { ok: false, reason, detail: error instanceof Error ? error.message : String(error), cause: error };
    }

    stats.requests += 1;
    stats.byStatus[response.statusCode] = (stats.byStatus[response.statusCode] ?? 0) + 1;
    stats.bytes += response.rawBody.length;

    const headersKept = pickKeptHeaders(response.headers);
    const decoded = decodeBody(response.rawBody, headersKept['content-type']);
    const page = {
      status: response.statusCode,
      url: response.url,
      headers: headersKept,
      html: decoded.text,
      bytes: response.rawBody.length,
      isNotModified: response.statusCode === 304,
      durationMs: Math.round(performance.now() - startedMs),
      charset: decoded.charset,
    };

    const blockMarker = detectBlock({ status: page.status, headers: response.headers, html: page.html, siteMarkers: blockedMarkers });
    if (blockMarker) {
      return { ok: false, reason: 'blocked', status: page.status, detail: `challenge page (${blockMarker})` };
    }
    if ((page.status >= 200 && page.status < 300) || page.status === 304) {
      return { ok: true, page };
    }
    return {
      ok: false,
      reason: reasonForStatus(page.status),
      status: page.status,
      retryAfter: headersKept['retry-after'],
      detail: `HTTP ${page.status}`,
    };
  }

  async function fetchWithRetries(url: string, fetchOptions: FetchPageOptions, checkRobots: boolean): Promise<PageResponse> {
    const host = new URL(url).host;
    const limiter = limiters.forHost(host);
    if (checkRobots) {
      await ensureRobotsAllow(url, limiter);
    }

    const headers = conditionalHeaders(fetchOptions);
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await scheduleAttempt(limiter, url, headers, fetchOptions.blockedMarkers ?? []);
      if (outcome.ok) {
        return { ...outcome.page, attempts: attempt };
      }

      const decision = decideRetry({ reason: outcome.reason, retry: attempt, retryAfter: outcome.retryAfter, nowMs: Date.now(), options: retryOptions });
      if (!decision.shouldRetry) {
        throw new FetchError(url, decision.finalReason, `GET ${url} failed: ${outcome.detail} (${decision.finalReason}) after ${attempt} attempt(s)`, {
          statusCode: outcome.status,
          cause: outcome.cause,
          context: { attempts: attempt },
          hint: hintFor(decision.finalReason),
        });
      }

      stats.retries += 1;
      logger.warn('fetch retry', { url, attempt, reason: outcome.reason, status: outcome.status, delayMs: decision.delayMs });
      if (decision.isServerDelay) {
        // The server asked the whole client to wait, so every request to this host waits, not only this one.
        limiter.pauseUntil(Date.now() + decision.delayMs);
      } else {
        await sleepOrAbort(decision.delayMs, url);
      }
    }
  }

  async function scheduleAttempt(limiter: HostRateLimiter, url: string, headers: Record<string, string>, markers: readonly string[]): Promise<AttemptOutcome> {
    try {
      return await limiter.schedule(() => requestOnce(url, headers, markers), signal);
    } catch (error) {
      // Only an abort of the signal becomes `aborted`, because callers count that reason as an interrupt.
      if (!signal.aborted) {
        throw error;
      }
      throw new FetchError(url, 'aborted', `GET ${url} aborted before it started`, { cause: error });
    }
  }

  async function ensureRobotsAllow(url: string, limiter: HostRateLimiter): Promise<void> {
    if (options.obeyRobots === false) {
      return;
    }

    const rules: RobotsRules = await robots.rulesFor(url);
    const origin = new URL(url).origin;
    if (!crawlDelayApplied.has(origin)) {
      crawlDelayApplied.add(origin);
      if (rules.crawlDelayMs !== null) {
        limiter.setMinIntervalMs(rules.crawlDelayMs);
        logger.info('robots.txt crawl delay applied', { origin, crawlDelayMs: rules.crawlDelayMs });
      }
    }

    if (rules.origin === 'unavailable') {
      // The site is unreachable (or its robots.txt is failing): report the network reason, not a robots rule.
      const reason = rules.unavailableReason ?? 'robots_unavailable';
      throw new FetchError(url, reason, `GET ${url} skipped: robots.txt could not be fetched (${reason})`, {
        hint: 'Check that the site is reachable from this machine; nextke retries robots.txt on the next run.',
      });
    }

    if (!rules.isAllowed(url)) {
      throw new FetchError(url, 'robots_disallowed', `GET ${url} skipped: robots.txt disallows it`, {
        hint: 'Crawl listing paths that robots.txt allows, or fix the site\'s listing path in sites.yaml.',
      });
    }
  }

  async function sleepOrAbort(ms: number, url: string): Promise<void> {
    try {
      await sleep(ms, signal);
    } catch (error) {
      throw new FetchError(url, 'aborted', `GET ${url} aborted while waiting to retry`, { cause: error });
    }
  }

  return {
    fetchPage: (url, fetchOptions = {}) => fetchWithRetries(url, fetchOptions, true),
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
  };
}

/**
 * Returns a signal owned by the client that aborts with `external`. Every queued task, retry wait
 * and request adds one abort listener and removes it when it settles, so a crawl has hundreds at
 * once. The owned signal lifts Node's warning limit without touching the caller's signal.
 */
function forwardAbort(external: AbortSignal | undefined): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (external?.aborted) {
    controller.abort(external.reason);
  } else {
    external?.addEventListener('abort', () => controller.abort(external.reason), { once: true });
  }
  return controller.signal;
}

function conditionalHeaders(options: FetchPageOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.etag) {
    headers['if-none-match'] = options.etag;
  }
  if (options.lastModified) {
    headers['if-modified-since'] = options.lastModified;
  }
  return headers;
}

function hintFor(reason: FetchFailureReason): string | undefined {
  switch (reason) {
    case 'blocked':
      return 'The site served an anti-bot challenge; lower JOB_RPM or the site\'s rate in sites.yaml and try later.';
    case 'http_429':
    case 'retry_after_too_long':
      return 'The site is rate-limiting nextke; lower JOB_RPM or the site\'s rate in sites.yaml.';
    case 'too_large':
      return 'Raise the maximum body size if this page is a real posting.';
    case 'connection_refused':
    case 'dns_failure':
      return 'Check the site\'s baseUrl in sites.yaml (or its base-URL override) and the network.';
    default:
      return undefined;
  }
}
