/**
 * A local HTTP server on 127.0.0.1 (random port) for one board's listing and detail pages, built
 * from generated postings. It logs every request and injects faults: 404 after N pages, a last
 * page repeated forever, scripted 429/503/403 challenge responses, robots.txt, charsets and ETags.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import iconv from 'iconv-lite';

import { BOARD_PAGES, type BoardKey } from './board-pages.js';
import { generateFixturePostings, type FixturePosting } from './fixture-postings.js';

export interface ScriptedResponse {
  /** Requests whose path (with query) matches get this response, `times` times. */
  path: RegExp;
  times: number;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface FixtureServerOptions {
  board: BoardKey;
  postingCount?: number;
  /** Cards per listing page, featured cards not counted. */
  pageSize?: number;
  /** Postings shown at the top of every listing page (BrighterMonday's featured cards). */
  featuredCount?: number;
  seed?: number;
  /** Listing pages after this number return 404. Default: BrighterMonday and JobWebKenya return 404 past the last page. */
  notFoundAfterPage?: number;
  /** Pages at or after this number repeat the page before it, with a "next" link, forever. */
  repeatFromPage?: number;
  /** False leaves the pager out of every page. */
  hasPager?: boolean;
  scripted?: ScriptedResponse[];
  /** robots.txt body; null returns 404. Default: allow all. */
  robotsTxt?: string | null;
  charset?: 'utf-8' | 'windows-1252';
  /** Where the charset is declared: the Content-Type header (default) or only a `<meta>` tag. */
  charsetDeclaredIn?: 'header' | 'meta';
  /** Delay before each response, in milliseconds. */
  latencyMs?: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  timeMs: number;
  status: number;
  headers: IncomingMessage['headers'];
}

export interface FixtureServer {
  board: BoardKey;
  baseUrl: string;
  postings: FixturePosting[];
  requests: RequestLogEntry[];
  /** Changes a posting's text so that its detail page and ETag change. */
  editPosting(index: number, descriptionHtml: string): void;
  close(): Promise<void>;
}

const DEFAULT_PAGE_SIZE: Record<BoardKey, number> = { brightermonday: 16, careerjet: 20, jobwebkenya: 15, myjobmag: 20 };

/** Returns a Cloudflare managed-challenge response: 403 with `cf-mitigated: challenge`. */
export function cloudflareChallenge(path: RegExp, times: number): ScriptedResponse {
  return {
    path,
    times,
    status: 403,
    headers: { 'cf-mitigated': 'challenge', 'content-type': 'text/html; charset=UTF-8' },
    body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="challenge-stage"></div></body></html>',
  };
}

/** Returns a 200 page whose only content is a Turnstile widget. */
export function turnstilePage(path: RegExp, times: number): ScriptedResponse {
  return {
    path,
    times,
    status: 200,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: '<html><head><title>Checking your browser</title></head><body><iframe src="https://challenges.cloudflare.com/turnstile/v0/api.js?onload=x"></iframe></body></html>',
  };
}

/** Starts a fixture server for one board; close it in `afterEach`/`afterAll`. */
export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const pages = BOARD_PAGES[options.board];
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE[options.board];
  const featuredCount = options.featuredCount ?? 0;
  const postings = generateFixturePostings(options.postingCount ?? 40, { seed: options.seed, featuredCount });
  const featured = postings.slice(0, featuredCount);
  const regular = postings.slice(featuredCount);
  const lastPage = Math.max(1, Math.ceil(regular.length / pageSize));
  const notFoundAfterPage = options.notFoundAfterPage ?? (options.board === 'brightermonday' || options.board === 'jobwebkenya' ? lastPage : Infinity);
  const scripted = (options.scripted ?? []).map((script) => ({ ...script }));
  const requests: RequestLogEntry[] = [];

  const detailByPath = new Map(postings.map((posting) => [pages.detailPath(posting), posting]));
  const pageByPath = new Map<string, number>();
  for (let page = 1; page <= lastPage + 200; page += 1) {
    pageByPath.set(pages.listingPath(page), page);
  }

  let baseUrl = '';
  const server: Server = createServer((request, response) => {
    const respond = () => handle(request, response);
    if (options.latencyMs) {
      setTimeout(respond, options.latencyMs);
    } else {
      respond();
    }
  });

  function send(request: IncomingMessage, response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    requests.push({ method: request.method ?? 'GET', path: request.url ?? '', timeMs: Date.now(), status, headers: request.headers });

    const charset = options.charset ?? 'utf-8';
    const bytes = charset === 'utf-8' ? Buffer.from(body, 'utf8') : iconv.encode(body, charset);
    const contentType = options.charsetDeclaredIn === 'meta' ? 'text/html' : `text/html; charset=${charset}`;
    response.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), ...headers });
    response.end(bytes);
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';

    if (path === '/robots.txt') {
      if (options.robotsTxt === null) {
        send(request, response, 404, 'not found');
      } else {
        send(request, response, 200, options.robotsTxt ?? 'User-agent: *\nAllow: /\n', { 'content-type': 'text/plain' });
      }
      return;
    }

    const script = scripted.find((candidate) => candidate.times > 0 && candidate.path.test(path));
    if (script) {
      script.times -= 1;
      send(request, response, script.status, script.body ?? `status ${script.status}`, script.headers);
      return;
    }

    const page = pageByPath.get(path);
    if (page !== undefined) {
      sendListing(request, response, page);
      return;
    }

    // Detail pages ignore the query string, as real boards ignore tracking parameters.
    const posting = detailByPath.get(path.split('?')[0] ?? path);
    if (posting) {
      const html = withCharsetMeta(pages.detail(baseUrl, posting));
      const etag = `"${createHash('sha1').update(html).digest('hex').slice(0, 16)}"`;
      if (request.headers['if-none-match'] === etag) {
        send(request, response, 304, '', { etag });
        return;
      }
      send(request, response, 200, html, { etag, 'last-modified': new Date(posting.datePostedIso).toUTCString() });
      return;
    }

    send(request, response, 404, '<html><head><title>Page Not Found</title></head><body><h1>Page Not Found</h1></body></html>');
  }

  function sendListing(request: IncomingMessage, response: ServerResponse, page: number): void {
    if (page > notFoundAfterPage) {
      send(request, response, 404, '<html><head><title>Page Not Found</title></head><body><h1>Page Not Found</h1></body></html>');
      return;
    }

    const isRepeating = options.repeatFromPage !== undefined && page >= options.repeatFromPage;
    const contentPage = isRepeating ? (options.repeatFromPage ?? page) - 1 : page;
    const onPage = regular.slice((contentPage - 1) * pageSize, contentPage * pageSize);
    // A repeating board keeps a "next" link on its last real page too, so the loop never ends by itself.
    const hasNext = options.repeatFromPage !== undefined || contentPage < lastPage;

    const html = pages.listing({
      baseUrl,
      page,
      postings: onPage.length > 0 ? [...featured, ...onPage] : [],
      nextPage: hasNext ? page + 1 : null,
      hasPager: options.hasPager ?? true,
    });
    send(request, response, 200, withCharsetMeta(html));
  }

  function withCharsetMeta(html: string): string {
    if (options.charsetDeclaredIn !== 'meta') {
      return html;
    }
    const meta = `<meta http-equiv="Content-Type" content="text/html; charset=${options.charset ?? 'utf-8'}">`;
    return html.replace(/<meta charset="[^"]*">/i, '').replace('<head>', `<head>${meta}`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    board: options.board,
    baseUrl,
    postings,
    requests,
    editPosting(index, descriptionHtml) {
      const posting = postings[index];
      if (!posting) {
        throw new RangeError(`no posting ${index}: the server has ${postings.length}`);
      }
      posting.descriptionHtml = descriptionHtml;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Starts one fixture server per board and returns them with the environment that points nextke at them. */
export async function startBoardServers(
  options: Partial<Omit<FixtureServerOptions, 'board'>> = {},
): Promise<{ servers: Record<BoardKey, FixtureServer>; env: Record<string, string>; close(): Promise<void> }> {
  const boards: BoardKey[] = ['brightermonday', 'careerjet', 'jobwebkenya', 'myjobmag'];
  const started = await Promise.all(boards.map((board) => startFixtureServer({ ...options, board, featuredCount: board === 'brightermonday' ? (options.featuredCount ?? 2) : 0 })));
  const servers = Object.fromEntries(started.map((server) => [server.board, server])) as Record<BoardKey, FixtureServer>;
  const env = Object.fromEntries(started.map((server) => [`NEXTKE_SITE_BASE_URL_${server.board.toUpperCase()}`, server.baseUrl]));

  return { servers, env, close: async () => void (await Promise.all(started.map((server) => server.close()))) };
}
