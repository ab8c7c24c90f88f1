import { describe, expect, it } from 'vitest';

import { escapeCopyField, formatCopyRow } from './format-copy-row.js';

describe('escapeCopyField', () => {
  it('writes null as \\N', () => {
    expect(escapeCopyField(null)).toBe('\\N');
  });

  it('escapes backslash, tab, newline and carriage return', () => {
    expect(escapeCopyField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
  });

  it('keeps a literal \\N text distinct from null', () => {
    expect(escapeCopyField('\\N')).toBe('\\\\N');
  });

  it('leaves other text, numbers and non-ASCII unchanged', () => {
    expect(escapeCopyField('Nairobi – KES 50,000 ✓')).toBe('Nairobi – KES 50,000 ✓');
    expect(escapeCopyField(42)).toBe('42');
  });
});

describe('formatCopyRow', () => {
  it('joins fields with tabs and ends the line', () => {
    expect(formatCopyRow([1, 'x\ty', null])).toBe('1\tx\\ty\t\\N\n');
  });
});
