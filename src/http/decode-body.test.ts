import { describe, expect, it } from 'vitest';

import { charsetFromContentType, decodeBody, normalizeCharset } from './decode-body.js';

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));
}

describe('decodeBody', () => {
  it('reads windows-1252 from an http-equiv meta tag', () => {
    const html = bytesOf(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>Caf',
      [0xe9, 0x20, 0x96, 0x20, 0x93],
      'Sales Lead',
      [0x94],
      '</body></html>',
    );

    const decoded = decodeBody(html, 'text/html');

    expect(decoded.text).toContain('Café – “Sales Lead”');
    expect(decoded.source).toBe('meta');
    expect(decoded.charset).toBe('windows-1252');
  });

  it.each(['windows-1252', 'iso-8859-1', 'latin1', 'ISO-8859-1', '"windows-1252"'])(
    'decodes 0x80-0x9F with header charset %s',
    (label) => {
      const body = bytesOf([0x92, 0x20, 0x93, 0x20, 0x94, 0x20, 0x96, 0x20, 0x80]);

      const decoded = decodeBody(body, `text/html; charset=${label}`);

      expect(decoded.text).toBe('’ “ ” – €');
      expect(decoded.source).toBe('header');
    },
  );

  it('prefers the header over a meta tag', () => {
    const body = bytesOf('<meta charset="utf-8">', [0x93, 0x94]);

    expect(decodeBody(body, 'text/html; charset=windows-1252').text).toBe('<meta charset="utf-8">“”');
  });

  it('prefers a UTF-8 BOM over the header', () => {
    const body = bytesOf([0xef, 0xbb, 0xbf], Buffer.from('Café', 'utf8').toString('latin1'));

    const decoded = decodeBody(body, 'text/html; charset=iso-8859-1');

    expect(decoded.text).toBe('Café');
    expect(decoded.source).toBe('bom');
  });

  it('defaults to UTF-8', () => {
    const body = new Uint8Array(Buffer.from('<p>Café – “x”</p>', 'utf8'));

    const decoded = decodeBody(body, 'text/html');

    expect(decoded.text).toBe('<p>Café – “x”</p>');
    expect(decoded.source).toBe('default');
  });

  it('skips an unknown header label', () => {
    const body = bytesOf('<meta charset="windows-1252">', [0x80]);

    const decoded = decodeBody(body, 'text/html; charset=klingon-8');

    expect(decoded.text.endsWith('€')).toBe(true);
    expect(decoded.source).toBe('meta');
  });

  it('ignores a meta tag after the first 1024 bytes', () => {
    const body = bytesOf(' '.repeat(1100), '<meta charset="windows-1252">');

    expect(decodeBody(body, undefined).source).toBe('default');
  });
});

describe('charsetFromContentType', () => {
  it('reads a quoted parameter', () => {
    expect(charsetFromContentType('text/html; Charset="UTF-8"')).toBe('UTF-8');
  });

  it('returns null without a parameter', () => {
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});

describe('normalizeCharset', () => {
  it('maps latin1 labels to windows-1252', () => {
    expect(normalizeCharset('Latin1')).toBe('windows-1252');
  });

  it('returns null for an unknown label', () => {
    expect(normalizeCharset('x-unknown')).toBeNull();
  });
});
