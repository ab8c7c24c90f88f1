import { describe, expect, it } from 'vitest';

import { MAX_CONTENT_BYTES, MAX_TITLE_CHARS, MAX_URL_BYTES, mapLegacyRow, normalizeTitle, type LegacyRow } from './map-legacy-row.js';

function row(fullLink: string | null, title: string | null = 'Accountant', content: string | null = 'Duties...'): LegacyRow {
  return { id: 7, fullLink, title, content };
}

function rejectReason(input: LegacyRow): string | undefined {
  const result = mapLegacyRow(input);
  return 'reject' in result ? result.reject.reason : undefined;
}

describe('mapLegacyRow', () => {
  it('maps a board posting to its source, canonical URL and hash', () => {
    const result = mapLegacyRow(row('HTTPS://WWW.BrighterMonday.co.ke:443/listings/Accountant-x1/?utm_source=fb#apply', '  Senior \n Accountant ', 'Body'));

    expect(result).toEqual({
      posting: {
        legacyId: 7,
        source: 'brightermonday',
        url: 'https://www.brightermonday.co.ke/listings/Accountant-x1',
        urlHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        titleRaw: 'Senior Accountant',
        descriptionRaw: 'Body',
      },
      isTitleTruncated: false,
    });
  });

  it('uses the domain without www as the source of other sites', () => {
    const result = mapLegacyRow(row('https://www.mygov.go.ke/jobs/1'));
    expect('posting' in result && result.posting.source).toBe('mygov.go.ke');
  });

  it('keeps null title and content as null', () => {
    const result = mapLegacyRow(row('https://jobwebkenya.com/jobs/1', null, null));
    expect('posting' in result && result.posting.titleRaw).toBeNull();
    expect('posting' in result && result.posting.descriptionRaw).toBeNull();
  });

  it('rejects a null or blank full_link', () => {
    expect(rejectReason(row(null))).toBe('missing_url');
    expect(rejectReason(row('  '))).toBe('missing_url');
  });

  it('rejects relative and non-http URLs', () => {
    expect(rejectReason(row('/jobs/1'))).toBe('invalid_url');
    expect(rejectReason(row('ftp://jobwebkenya.com/jobs/1'))).toBe('invalid_url');
    expect(rejectReason(row('javascript:alert(1)'))).toBe('invalid_url');
  });

  it('rejects a URL longer than the index can hold', () => {
    expect(rejectReason(row(`https://jobwebkenya.com/${'a'.repeat(MAX_URL_BYTES)}`))).toBe('url_too_long');
  });

  it('rejects NUL bytes in any text column', () => {
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'a\0b'))).toBe('nul_byte');
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'ok', 'x\0'))).toBe('nul_byte');
  });

  it('rejects a row flagged as invalid UTF-8 and names the column', () => {
    const result = mapLegacyRow({ ...row('https://jobwebkenya.com/jobs/1', 'ok', 'A\uFFFD('), invalidUtf8Column: 'content' });

    expect(result).toEqual({
      reject: { legacyId: 7, url: 'https://jobwebkenya.com/jobs/1', reason: 'invalid_utf8', detail: 'content is not valid UTF-8' },
    });
  });

  it('rejects content over the size cap and accepts content at it', () => {
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'ok', 'x'.repeat(MAX_CONTENT_BYTES + 1)))).toBe('content_too_large');
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'ok', 'x'.repeat(MAX_CONTENT_BYTES)))).toBeUndefined();
  });

  it('counts content size in UTF-8 bytes, not characters', () => {
    const threeByteCharacters = '€'.repeat(Math.floor(MAX_CONTENT_BYTES / 3) + 1);
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'ok', threeByteCharacters))).toBe('content_too_large');
  });

  it('keeps a genuine U+FFFD in valid text', () => {
    expect(rejectReason(row('https://jobwebkenya.com/jobs/1', 'Caf\uFFFD', 'ok'))).toBeUndefined();
  });
});

describe('normalizeTitle', () => {
  it('collapses whitespace and maps blank to null', () => {
    expect(normalizeTitle(' a\t\tb\n')).toEqual({ text: 'a b', isTruncated: false });
    expect(normalizeTitle(' \n ')).toEqual({ text: null, isTruncated: false });
  });

  it('cuts titles over the limit by code points', () => {
    const long = '😀'.repeat(MAX_TITLE_CHARS + 5);
    const result = normalizeTitle(long);

    expect(result.isTruncated).toBe(true);
    expect(Array.from(result.text ?? '')).toHaveLength(MAX_TITLE_CHARS);
  });

  it('keeps a title of exactly the limit', () => {
    expect(normalizeTitle('a'.repeat(MAX_TITLE_CHARS))).toEqual({ text: 'a'.repeat(MAX_TITLE_CHARS), isTruncated: false });
  });
});
