/**
 * Decodes an HTML response body to a string. The charset comes from a byte-order mark, then the
 * Content-Type header, then a `<meta>` tag in the first bytes, and defaults to UTF-8.
 */
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'default';

export interface DecodedBody {
  text: string;
  /** The encoding actually used, as iconv-lite names it (`utf-8`, `windows-1252`, ...). */
  charset: string;
  source: CharsetSource;
}

/** Bytes scanned for a `<meta>` charset; the HTML standard's prescan also stops at 1024. */
const META_PRESCAN_BYTES = 1024;

/**
 * Labels that the WHATWG Encoding Standard maps to windows-1252. Servers that declare `iso-8859-1`
 * almost always send windows-1252 bytes (curly quotes at 0x91-0x94), and browsers decode them so.
 */
const WINDOWS_1252_LABELS = new Set([
  'ascii',
  'us-ascii',
  'ansi_x3.4-1968',
  'cp1252',
  'cp819',
  'ibm819',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso-ir-100',
  'l1',
  'latin1',
  'windows-1252',
  'x-cp1252',
]);

/**
 * Decodes `bytes` with the charset found in (1) a byte-order mark, (2) `contentType`, (3) a `<meta>`
 * tag, else UTF-8. The BOM comes first, as in the WHATWG Encoding Standard, because a BOM cannot
 * appear by accident while a stale header can. Unknown labels are skipped, so the next source decides.
 * Single-byte charsets go through iconv-lite, because Node 20's `TextDecoder('windows-1252')`
 * turns bytes 0x80-0x9F into control characters.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  const bom = detectBom(buffer);
  if (bom) {
    return { text: iconv.decode(buffer.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };
  }

  const fromHeader = normalizeCharset(charsetFromContentType(contentType));
  if (fromHeader) {
    return { text: iconv.decode(buffer, fromHeader), charset: fromHeader, source: 'header' };
  }

  const fromMeta = normalizeCharset(charsetFromMeta(buffer));
  if (fromMeta) {
    return { text: iconv.decode(buffer, fromMeta), charset: fromMeta, source: 'meta' };
  }

  return { text: iconv.decode(buffer, 'utf-8'), charset: 'utf-8', source: 'default' };
}

/** Returns the `charset` parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) {
    return null;
  }
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1] ?? null;
}

/**
 * Returns the charset named by `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...charset=...">`
 * in the first 1024 bytes, or null. The bytes are read as Latin-1 so that any ASCII-compatible page scans correctly.
 */
export function charsetFromMeta(buffer: Buffer): string | null {
  const head = buffer.subarray(0, META_PRESCAN_BYTES).toString('latin1');
  const metaTags = head.match(/<meta\b[^>]*>/gi) ?? [];

  for (const tag of metaTags) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct?.[1]) {
      return direct[1];
    }
  }
  return null;
}

/** Maps a charset label to the name iconv-lite decodes correctly, or null when the label is unknown. */
export function normalizeCharset(label: string | null): string | null {
  if (!label) {
    return null;
  }

  const lower = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(lower)) {
    return 'windows-1252';
  }
  if (lower === 'utf8' || lower === 'utf-8' || lower === 'unicode-1-1-utf-8') {
    return 'utf-8';
  }
  return iconv.encodingExists(lower) ? lower : null;
}

function detectBom(buffer: Buffer): { charset: string; length: number } | null {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { charset: 'utf-8', length: 3 };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { charset: 'utf-16be', length: 2 };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { charset: 'utf-16le', length: 2 };
  }
  return null;
}
