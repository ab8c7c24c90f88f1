/**
 * The one canonical form of a posting URL, shared by `scrape` and `migrate` so that the same
 * posting found both ways lands on the same `job_post.url` and `url_hash`.
 */
import { createHash } from 'node:crypto';

import { RecordValidationError } from './errors.js';

/** Query parameters that only track the visitor and never select a different page. */
const TRACKING_PARAMS = new Set([
  'gclid',
  'gclsrc',
  'dclid',
  'fbclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref',
  'ref_src',
  'referrer',
  'source',
]);

/** Board keys recognised by `sourceFromUrl`, each matched as one label of the host name. */
const BOARD_KEYS = ['brightermonday', 'careerjet', 'jobwebkenya', 'myjobmag'] as const;

export type BoardKey = (typeof BOARD_KEYS)[number];

/**
 * Canonicalizes a URL: lower-case scheme and host, default port removed, fragment removed,
 * `utm_*` and other tracking parameters removed, remaining parameters sorted by name,
 * and one trailing slash removed from the path (except the root path). Path case is kept.
 * Throws RecordValidationError when the text is not an absolute URL.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = withoutTracking(parseAbsoluteUrl(url));

  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    parsed.pathname = parsed.pathname.slice(0, -1);
  }

  // URL serializes an empty query as nothing, and lower-cases the scheme and host itself.
  return parsed.toString();
}

/**
 * Returns the URL to fetch for a posting link: the canonical form, except that the path keeps its
 * trailing slash, because servers such as WordPress redirect the slash-less form to it.
 */
export function stripTrackingFromUrl(url: string): string {
  return withoutTracking(parseAbsoluteUrl(url)).toString();
}

function withoutTracking(parsed: URL): URL {
  parsed.hash = '';

  const keptParams = [...parsed.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  keptParams.sort(([a], [b]) => compareCodeUnits(a, b));
  parsed.search = new URLSearchParams(keptParams).toString();
  return parsed;
}

/** Returns the SHA-256 hex digest of the canonical form of a URL. */
export function urlHash(url: string): string {
  return createHash('sha256').update(canonicalizeUrl(url)).digest('hex');
}

/**
 * Returns the board key (`brightermonday`, `careerjet`, `jobwebkenya`, `myjobmag`) when one of the
 * host's labels is that name, whatever the subdomain or country domain. Any other host is
 * returned without a leading `www.`.
 */
export function sourceFromUrl(url: string): string {
  const host = parseAbsoluteUrl(url).hostname;
  const labels = host.split('.');
  const board = BOARD_KEYS.find((key) => labels.includes(key));
  if (board) {
    return board;
  }
  return host.startsWith('www.') ? host.slice('www.'.length) : host;
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function parseAbsoluteUrl(url: string): URL {
  const trimmed = url.trim();
  if (!URL.canParse(trimmed)) {
    throw new RecordValidationError(`invalid URL ${JSON.stringify(url)}: expected an absolute http(s) URL`, {
      context: { url },
    });
  }
  return new URL(trimmed);
}
