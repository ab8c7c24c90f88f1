import { describe, expect, it } from 'vitest';

import { collapseWhitespace } from './collapse-whitespace.js';

describe('collapseWhitespace', () => {
  const cases = ['', ' ', '   ', 'a b', 'a  b', ' a b ', '\n', 'a\nb', 'a \n b', 'a\u00a0b', 'a\t\tb', 'a \u2003', 'no-space', 'line\r\n\r\nnext'];

  it.each(cases)('equals replacing every \\s+ run in %j', (text) => {
    expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
  });
});
