/**
 * Turns one row of the legacy SQLite table into a posting for `job_post`, or into a reject with
 * a stable reason. Pure: a row in, a posting or a reject out.
 */
import { canonicalizeUrl, sourceFromUrl, urlHash } from '../../lib/canonical-url.js';

export const LEGACY_TEXT_COLUMNS = ['full_link', 'title', 'content'] as const;

export type LegacyTextColumn = (typeof LEGACY_TEXT_COLUMNS)[number];

/** A legacy row as read from SQLite. */
export interface LegacyRow {
  id: number;
  fullLink: string | null;
  title: string | null;
  content: string | null;
  /** The first column whose stored bytes are not valid UTF-8; its text above has U+FFFD in their place. */
  invalidUtf8Column?: LegacyTextColumn;
}

/** The columns of `job_post` a legacy row fills; the rest keep their defaults. */
export interface LegacyPosting {
  legacyId: number;
  source: string;
  url: string;
  urlHash: string;
  titleRaw: string | null;
  descriptionRaw: string | null;
}

export const REJECT_REASONS = [
  'missing_url',
  'invalid_url',
  'url_too_long',
  'invalid_utf8',
  'nul_byte',
  'content_too_large',
  'duplicate_url',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** One line of the rejects file. `url` is the legacy value, decoded leniently when it is not valid UTF-8. */
export interface RejectedRow {
  legacyId: number;
  url: string | null;
  /** Set for `duplicate_url` only: the canonical form of `url`, which an earlier legacy row already took. */
  canonicalUrl?: string;
  reason: RejectReason;
  detail: string;
}

export type LegacyRowResult = { posting: LegacyPosting; isTitleTruncated: boolean } | { reject: RejectedRow };

/** Titles longer than this many characters are cut to it and counted. */
export const MAX_TITLE_CHARS = 255;

/** Content larger than this many UTF-8 bytes (1 MiB) is rejected: real postings average about 3.6 kB. */
export const MAX_CONTENT_BYTES = 1024 * 1024;

// A btree index entry of PostgreSQL can be at most about 2,700 bytes, so a longer URL would fail
// the unique index on job_post.url and with it the whole batch. Browsers and servers commonly
// stop at 2,048 characters, which no real posting URL reaches.
export const MAX_URL_BYTES = 2048;

// A UTF-16 code unit takes at most 3 bytes in UTF-8, so shorter content needs no byte count.
const MAX_CONTENT_UNCOUNTED_LENGTH = Math.floor(MAX_CONTENT_BYTES / 3);

/** Maps a legacy row to a posting, or to the first reason it must be rejected. */
export function mapLegacyRow(row: LegacyRow): LegacyRowResult {
  const urlText = row.fullLink;
  const reject = (reason: RejectReason, detail: string): LegacyRowResult => ({ reject: { legacyId: row.id, url: urlText, reason, detail } });

  if (urlText === null || urlText.trim() === '') {
    return reject('missing_url', 'full_link is null or empty');
  }
  if (row.invalidUtf8Column) {
    return reject('invalid_utf8', `${row.invalidUtf8Column} is not valid UTF-8`);
  }

  const columns: Array<[LegacyTextColumn, string | null]> = [
    ['full_link', urlText],
    ['title', row.title],
    ['content', row.content],
  ];
  const columnWithNul = columns.find(([, text]) => text?.includes('\0'));
  if (columnWithNul) {
    return reject('nul_byte', `${columnWithNul[0]} contains a NUL byte, which PostgreSQL text cannot store`);
  }

  const contentBytes = row.content !== null && row.content.length > MAX_CONTENT_UNCOUNTED_LENGTH ? Buffer.byteLength(row.content) : 0;
  if (contentBytes > MAX_CONTENT_BYTES) {
    return reject('content_too_large', `content is ${contentBytes} bytes; the limit is ${MAX_CONTENT_BYTES}`);
  }

  const canonical = canonicalizeHttpUrl(urlText);
  if ('error' in canonical) {
    return reject('invalid_url', canonical.error);
  }
  if (Buffer.byteLength(canonical.url) > MAX_URL_BYTES) {
    return reject('url_too_long', `canonical URL is ${Buffer.byteLength(canonical.url)} bytes; the limit is ${MAX_URL_BYTES}`);
  }

  const title = normalizeTitle(row.title);
  return {
    posting: {
      legacyId: row.id,
      source: sourceFromUrl(canonical.url),
      url: canonical.url,
      urlHash: urlHash(canonical.url),
      titleRaw: title.text,
      descriptionRaw: row.content,
    },
    isTitleTruncated: title.isTruncated,
  };
}

function canonicalizeHttpUrl(text: string): { url: string } | { error: string } {
  let url: string;
  try {
    url = canonicalizeUrl(text);
  } catch {
    return { error: 'full_link is not an absolute URL' };
  }

  // The canonical form starts with the scheme in lower case, so a prefix test is enough.
  if (!url.startsWith('http://') && !url.startsWith('https://')) {
    return { error: `scheme ${url.slice(0, url.indexOf(':') + 1)} is not http: or https:` };
  }
  return { url };
}

/** Collapses runs of whitespace to one space and cuts the title to MAX_TITLE_CHARS characters (code points). */
export function normalizeTitle(title: string | null): { text: string | null; isTruncated: boolean } {
  const collapsed = title?.replace(/\s+/g, ' ').trim() ?? '';
  if (collapsed === '') {
    return { text: null, isTruncated: false };
  }

  // Most titles are far below the limit; only long ones pay for splitting into code points.
  if (collapsed.length <= MAX_TITLE_CHARS) {
    return { text: collapsed, isTruncated: false };
  }
  const codePoints = Array.from(collapsed);
  if (codePoints.length <= MAX_TITLE_CHARS) {
    return { text: collapsed, isTruncated: false };
  }
  return { text: codePoints.slice(0, MAX_TITLE_CHARS).join('').trimEnd(), isTruncated: true };
}
