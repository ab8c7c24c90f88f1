import { afterEach, describe, expect, it } from 'vitest';

import { FetchError } from '../lib/errors.js';
import { createMemoryLogger } from '../lib/log.js';
import { cloudflareChallenge, startFixtureServer, turnstilePage, type FixtureServer, type FixtureServerOptions } from '../../test/helpers/fixture-server.js';
import { createHttpClient, type HttpClientOptions } from './http-client.js';

let server: FixtureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<FixtureServerOptions> = {}): Promise<FixtureServer> {
  server = await startFixtureServer({ board: 'myjobmag', postingCount: 10, ...options });
  return server;
}

function client(overrides: Partial<HttpClientOptions> = {}) {
  const logger = createMemoryLogger();
  const http = createHttpClient({
    userAgent: 'nextke/0.1 (+https://example.test/contact)',
    jobRpm: 0,
    maxConcurrency: 4,
    timeouts: { connectMs: 2_000, responseMs: 2_000, requestMs: 5_000 },
    maxBodyBytes: 2_000_000,
    maxRedirects: 5,
    retry: { limit: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 10_000 },
    logger,
    ...overrides,
  });
  return { http, logger };
}

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const detailPath = (fixture: FixtureServer) => `/job/${fixture.postings[0]?.slug}`;

describe('createHttpClient', () => {
  it('fetches a page with the nextke user agent', async () => {
    const fixture = await start();
    const { http } = client();

    const page = await http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`);

    expect(page.status).toBe(200);
    expect(page.html).toContain('<ul class="job-key-info">');
    expect(page.headers.etag).toMatch(/^"[0-9a-f]+"$/);
    expect(fixture.requests.find((request) => request.path !== '/robots.txt')?.headers['user-agent']).toBe('nextke/0.1 (+https://example.test/contact)');
  });

  it('waits out Retry-After on 429', async () => {
    const fixture = await start({ scripted: [{ path: /^\/job\//, times: 1, status: 429, headers: { 'retry-after': '2' } }] });
    const { http } = client();

    const startedMs = Date.now();
    const page = await http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`);
    const waitedMs = Date.now() - startedMs;

    expect(page.status).toBe(200);
    expect(page.attempts).toBe(2);
    expect(waitedMs).toBeGreaterThanOrEqual(1_900);
    expect(waitedMs).toBeLessThan(4_000);
  });

  it('fails after the retry limit on 503 and goes on', async () => {
    const fixture = await start({ scripted: [{ path: /^\/job\//, times: 3, status: 503 }] });
    const { http, logger } = client();

    const error = await fetchError(http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`));
    expect(error.reason).toBe('http_5xx');
    expect(error.statusCode).toBe(503);
    expect(error.message).toContain('after 3 attempt(s)');
    expect(logger.records.filter((record) => record.event === 'fetch retry')).toHaveLength(2);

    const next = await http.fetchPage(`${fixture.baseUrl}/jobs`);
    expect(next.status).toBe(200);
  });

  it('counts a cf-mitigated 403 as blocked', async () => {
    const fixture = await start({ scripted: [cloudflareChallenge(/^\/job\//, 10)] });
    const { http } = client();

    const error = await fetchError(http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`));

    expect(error.reason).toBe('blocked');
    expect(fixture.requests.filter((request) => request.path.startsWith('/job/'))).toHaveLength(3);
  });

  it('counts a 200 Turnstile page as blocked', async () => {
    const fixture = await start({ scripted: [turnstilePage(/^\/job\//, 10)] });
    const { http } = client();

    expect((await fetchError(http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`))).reason).toBe('blocked');
  });

  it('recovers when a challenge clears', async () => {
    const fixture = await start({ scripted: [cloudflareChallenge(/^\/job\//, 1)] });
    const { http } = client();

    const page = await http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`);

    expect(page.attempts).toBe(2);
  });

  it('throws not_found on 404 without retrying', async () => {
    const fixture = await start();
    const { http } = client();

    const error = await fetchError(http.fetchPage(`${fixture.baseUrl}/job/missing`));

    expect(error.reason).toBe('not_found');
    expect(fixture.requests.filter((request) => request.path === '/job/missing')).toHaveLength(1);
  });

  it('never fetches a path robots.txt disallows', async () => {
    const fixture = await start({ robotsTxt: 'User-agent: *\nDisallow: /jobs/search\nCrawl-delay: 2\n' });
    const { http } = client();

    const error = await fetchError(http.fetchPage(`${fixture.baseUrl}/jobs/search?q=driver`));

    expect(error.reason).toBe('robots_disallowed');
    expect(fixture.requests.some((request) => request.path.startsWith('/jobs/search'))).toBe(false);
  });

  it('reports an unreachable site by its network reason', async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const fixture = await start();
    const closedUrl = fixture.baseUrl;
    await fixture.close();
    server = undefined;
    const { http } = client({ retry: { limit: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });

    const error = await fetchError(http.fetchPage(`${closedUrl}/jobs`));

    expect(error.reason).toBe('connection_refused');
    expect(error.message).toContain('robots.txt could not be fetched (connection_refused)');
  });

  it('spaces requests by the robots Crawl-delay', async () => {
    const fixture = await start({ robotsTxt: 'User-agent: *\nDisallow: /jobs/search\nCrawl-delay: 2\n' });
    const { http } = client({ jobRpm: 6_000 });

    await Promise.all([http.fetchPage(`${fixture.baseUrl}/jobs`), http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`)]);

    const pageTimes = fixture.requests.filter((request) => request.path !== '/robots.txt').map((request) => request.timeMs);
    expect(pageTimes).toHaveLength(2);
    expect(Math.abs((pageTimes[1] ?? 0) - (pageTimes[0] ?? 0))).toBeGreaterThanOrEqual(1_950);
  });

  it('decodes a windows-1252 page declared only in meta', async () => {
    const fixture = await start({ charset: 'windows-1252', charsetDeclaredIn: 'meta' });
    fixture.editPosting(0, '<p>Café – “Sales Lead”</p>');
    const { http } = client();

    const page = await http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`);

    expect(page.charset).toBe('windows-1252');
    expect(page.html).toContain('<p>Café – “Sales Lead”</p>');
  });

  it('returns 304 for a matching ETag', async () => {
    const fixture = await start();
    const { http } = client();
    const url = `${fixture.baseUrl}${detailPath(fixture)}`;
    const first = await http.fetchPage(url);

    const second = await http.fetchPage(url, { etag: first.headers.etag, lastModified: first.headers['last-modified'] });

    expect(second.isNotModified).toBe(true);
    expect(second.html).toBe('');
  });

  it('rejects a body over the size cap', async () => {
    const fixture = await start();
    const { http } = client({ maxBodyBytes: 1_000 });

    expect((await fetchError(http.fetchPage(`${fixture.baseUrl}${detailPath(fixture)}`))).reason).toBe('too_large');
  });

  it('times out a slow response', async () => {
    const fixture = await start({ latencyMs: 400 });
    const { http } = client({ timeouts: { connectMs: 1_000, responseMs: 100, requestMs: 1_000 }, retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, obeyRobots: false });

    expect((await fetchError(http.fetchPage(`${fixture.baseUrl}/jobs`))).reason).toBe('timeout');
  });

  it('reports a refused connection', async () => {
    const fixture = await start();
    const closedUrl = `${fixture.baseUrl}/jobs`;
    await fixture.close();
    server = undefined;
    const { http } = client({ retry: { limit: 0, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 }, obeyRobots: false });

    expect((await fetchError(http.fetchPage(closedUrl))).reason).toBe('connection_refused');
  });
});
