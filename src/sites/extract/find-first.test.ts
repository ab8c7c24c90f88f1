import * as cheerio from 'cheerio/slim';
import { describe, expect, it } from 'vitest';

import { findFirst } from './find-first.js';

const PAGE = `<html><head><title>Page title</title></head><body>
  <p class="lead">first paragraph</p>
  <div id="main"><h1>Heading one</h1><p>second paragraph</p><h1>Heading two</h1></div>
  <footer><p>footer paragraph</p></footer>
</body></html>`;

describe('findFirst', () => {
  const $ = cheerio.load(PAGE);

  it.each(['p', 'h1', 'div#main p', 'footer p, h1', 'h1, footer p', 'p.lead, h1', 'title'])('matches find().first() for %s', (selector) => {
    expect(findFirst($.root(), selector).text()).toBe($.root().find(selector).first().text());
  });

  it('searches only inside the scope', () => {
    expect(findFirst($('#main'), 'p').text()).toBe('second paragraph');
  });

  it('returns an empty selection when nothing matches', () => {
    expect(findFirst($.root(), 'table')).toHaveLength(0);
  });
});
