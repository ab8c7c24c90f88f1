import { describe, expect, it } from 'vitest';

import { readPage } from './read-page.js';

describe('readPage', () => {
  it('returns the value read from the page', () => {
    expect(readPage('<html><body><h1>Driver</h1></body></html>', ($) => $('h1').text())).toBe('Driver');
  });

  it('detaches the page after the read', () => {
    let root: { children: unknown[] } | undefined;

    readPage('<html><body><h1>Driver</h1></body></html>', ($) => {
      root = $.root()[0];
    });

    expect(root?.children).toEqual([]);
  });

  it('detaches the page when the read throws', () => {
    let root: { children: unknown[] } | undefined;

    expect(() =>
      readPage('<p>text</p>', ($) => {
        root = $.root()[0];
        throw new Error('no title');
      }),
    ).toThrow('no title');
    expect(root?.children).toEqual([]);
  });
});
