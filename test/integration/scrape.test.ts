import { afterEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import { createMemoryLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import { runScrape } from '../../src/pipeline/scrape/run-scrape.js';
import type { ScrapeOptions } from '../../src/pipeline/scrape/scrape-options.js';
import type { BoardKey } from '../helpers/board-pages.js';
import { cloudflareChallenge, startFixtureServer, turnstilePage, type FixtureServer, type FixtureServerOptions } from '../helpers/fixture-server.js';
import { describeEachStore, type TestStore } from '../helpers/test-store.js';

const FAST_RETRY = { limit: 2, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 };

describeEachStore('runScrape', (getStore) => {
  const servers: FixtureServer[] = [];

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serve(options: FixtureServerOptions): Promise<FixtureServer> {
    const server = await startFixtureServer(options);
    servers.push(server);
    return server;
  }

  function contextFor(testStore: TestStore, signal = new AbortController().signal) {
    const log = createMemoryLogger('info');
    const ctx: Context = {
      config: loadConfig({ env: { JOB_RPM: '6000', NEXTKE_DATA_DIR: 'unused' } }),
      store: testStore.store,
      log,
      progress: silentProgress,
      signal,
    };
    return { ctx, log };
  }

  async function scrape(server: FixtureServer, options: Partial<ScrapeOptions> = {}, signal?: AbortSignal) {
    const { ctx, log } = contextFor(getStore(), signal);
    const report = await runScrape(ctx, {
      siteIds: [server.board],
      refreshAfterDays: 7,
      isDryRun: false,
      baseUrlOverrides: { [server.board]: server.baseUrl },
      retry: FAST_RETRY,
      ...options,
    });
    const site = report.details.sites[0];
    if (!site) {
      throw new Error('no site in report');
    }
    return { report, site, log };
  }

  const listingFetches = (server: FixtureServer, board: BoardKey) =>
    server.requests.filter((request) => (board === 'myjobmag' ? /^\/jobs(\/page\/\d+)?$/ : /^\/jobs/).test(request.path)).length;

  const detailFetches = (server: FixtureServer) => server.requests.filter((request) => request.path.startsWith('/job/')).length;

  async function storedPostings(server: FixtureServer) {
    return getStore()
      .store.db.selectFrom('job_post')
      .select(['id', 'url', 'source', 'repost_count', 'processed_at', 'title_raw', 'content_hash'])
      .where('url', 'like', `${server.baseUrl}%`)
      .orderBy('url')
      .execute();
  }

  it('stops a board that repeats its last page', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 5, pageSize: 2, repeatFromPage: 4 });

    const { site, log } = await scrape(server);

    expect(site.postingsFound).toBe(5);
    expect(site.new).toBe(5);
    expect(listingFetches(server, 'myjobmag')).toBe(4);
    expect(site.stopReason).toBe('no_new_postings');
    expect(log.records.find((record) => record.event === 'site pagination stopped')?.fields).toMatchObject({ stopReason: 'no_new_postings', listingPages: 4 });
  });

  it('fetches one listing page without a pager', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 30, pageSize: 10, hasPager: false });

    const { site } = await scrape(server);

    expect(listingFetches(server, 'myjobmag')).toBe(1);
    expect(site.stopReason).toBe('no_next_link');
    expect(site.new).toBe(10);
  });

  it('stops at a 404 past the last page', async () => {
    const server = await serve({ board: 'jobwebkenya', postingCount: 12, pageSize: 5, notFoundAfterPage: 2, hasPager: true });

    const { site } = await scrape(server);

    expect(site.listingPages).toBe(2);
    expect(site.stopReason).toBe('not_found');
    expect(site.status).toBe('succeeded');
  });

  it('stores nothing from challenge pages', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 4, pageSize: 10, scripted: [cloudflareChallenge(/^\/job\/.*000[01]$/, 100), turnstilePage(/^\/job\/.*000[23]$/, 100)] });

    const { site, report } = await scrape(server);

    expect(site.blocked).toBe(4);
    expect(site.new).toBe(0);
    expect(site.status).toBe('partial');
    expect(report.status).toBe('partial');
    expect(await storedPostings(server)).toEqual([]);
  });

  it('fetches a posting linked three ways once', async () => {
    const probe = await serve({ board: 'myjobmag', postingCount: 1 });
    const slug = probe.postings[0]?.slug;
    const listing = `<ul class="job-list">
      <li class="job-list-li"><ul><li class="job-info"><ul><li class="mag-b"><h2><a href="/job/${slug}?utm_source=newsletter">A</a></h2></li></ul></li></ul></li>
      <li class="job-list-li"><ul><li class="job-info"><ul><li class="mag-b"><h2><a href="/job/${slug}/">A</a></h2></li></ul></li></ul></li>
      <li class="job-list-li"><ul><li class="job-info"><ul><li class="mag-b"><h2><a href="/job/${slug}#apply">A</a></h2></li></ul></li></ul></li></ul>`;
    const server = await serve({ board: 'myjobmag', postingCount: 1, scripted: [{ path: /^\/jobs$/, times: 1, status: 200, body: listing }] });

    const { site } = await scrape(server);

    expect(site.postingsFound).toBe(1);
    expect(detailFetches(server)).toBe(1);
    expect((await storedPostings(server)).map((posting) => posting.url)).toEqual([`${server.baseUrl}/job/${slug}`]);
  });

  it('skips unchanged postings on a second run', async () => {
    const server = await serve({ board: 'careerjet', postingCount: 25 });

    const first = await scrape(server);
    const fetchedBefore = server.requests.filter((request) => request.path.startsWith('/jobad/')).length;
    const second = await scrape(server);
    const fetchedAfter = server.requests.filter((request) => request.path.startsWith('/jobad/')).length;

    expect(first.site.new).toBe(25);
    expect(second.site.skippedRecent).toBe(25);
    expect(second.site.detailsFetched).toBe(0);
    expect(fetchedAfter).toBe(fetchedBefore);
  });

  it('revalidates with ETag and counts a changed posting', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 3 });
    await scrape(server);
    server.editPosting(1, '<p>Updated duties for this role.</p>');

    const { site } = await scrape(server, { refreshAfterDays: 0 });

    expect(site.notModified).toBe(2);
    expect(site.updated).toBe(1);
    const conditional = server.requests.filter((request) => request.path.startsWith('/job/') && request.headers['if-none-match']);
    expect(conditional).toHaveLength(3);

    const postings = await storedPostings(server);
    const edited = postings.find((posting) => posting.url.endsWith(server.postings[1]?.slug ?? '-'));
    expect(edited?.repost_count).toBe(1);
    expect(edited?.processed_at).toBeNull();
  });

  it('stores the page behind each posting', async () => {
    const server = await serve({ board: 'brightermonday', postingCount: 2, featuredCount: 1 });
    await scrape(server);

    const pages = await getStore()
      .store.db.selectFrom('raw_page')
      .select(['site', 'url', 'http_status', 'etag', 'headers', 'json_ld', 'content_hash', 'job_post_id'])
      .where('url', 'like', `${server.baseUrl}%`)
      .execute();

    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatchObject({ site: 'brightermonday', http_status: 200, etag: expect.stringMatching(/^"/) });
    expect(pages[0]?.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8' });
    expect(pages[0]?.json_ld).toMatchObject({ '@type': 'JobPosting' });
    expect(pages.every((page) => page.job_post_id !== null)).toBe(true);
  });

  it('writes nothing in a dry run', async () => {
    const server = await serve({ board: 'jobwebkenya', postingCount: 5 });

    const { site } = await scrape(server, { isDryRun: true });

    expect(site.new).toBe(5);
    expect(await storedPostings(server)).toEqual([]);
  });

  it('skips queued details on interrupt', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 30, pageSize: 30, hasPager: false, latencyMs: 100 });
    const controller = new AbortController();
    const abortAfterFirstDetail = setInterval(() => {
      if (detailFetches(server) > 0) {
        controller.abort(new Error('test interrupt'));
      }
    }, 5);

    const { site, report } = await scrape(server, {}, controller.signal).finally(() => clearInterval(abortAfterFirstDetail));

    expect(site.status).toBe('interrupted');
    expect(site.postingsFound).toBe(30);
    expect(site.failedByReason).toEqual({});
    expect(site.failed).toBe(0);
    expect(site.skippedInterrupted).toBeGreaterThan(0);
    expect(site.detailsFetched + site.skippedInterrupted).toBe(site.postingsFound);
    expect(report.status).toBe('interrupted');
    expect(report.counts).toMatchObject({ failed: 0, skippedInterrupted: site.skippedInterrupted });
    expect(report.errorGroups).toEqual([]);
  });

  it('reports a site that is down as failed', async () => {
    const server = await serve({ board: 'myjobmag', postingCount: 1 });
    const baseUrl = server.baseUrl;
    await server.close();
    servers.splice(servers.indexOf(server), 1);

    const { ctx } = contextFor(getStore());
    const report = await runScrape(ctx, { siteIds: ['myjobmag'], refreshAfterDays: 7, isDryRun: false, baseUrlOverrides: { myjobmag: baseUrl }, retry: FAST_RETRY });

    expect(report.status).toBe('failed');
    expect(report.details.sites[0]?.stopReason).toBe('fetch_failed');
    expect(JSON.stringify(report.details.sites[0])).toContain('connection_refused');
  });
});

describe('runScrape site selection', () => {
  it('rejects an unknown site', async () => {
    const ctx = { config: loadConfig({ env: {} }), log: createMemoryLogger(), progress: silentProgress, signal: new AbortController().signal } as unknown as Context;
    await expect(runScrape(ctx, { siteIds: ['nope'], refreshAfterDays: 7, isDryRun: true })).rejects.toThrow('unknown site "nope"');
  });
});
