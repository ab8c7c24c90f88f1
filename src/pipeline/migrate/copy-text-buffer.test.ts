import { describe, expect, it } from 'vitest';

import { CopyTextBuffer } from './copy-text-buffer.js';

describe('CopyTextBuffer', () => {
  it('encodes appended text as UTF-8 across growth', () => {
    const buffer = new CopyTextBuffer();
    const parts = ['Nairobi – KES 50,000\n', 'x'.repeat(3 * 1024 * 1024), '✓\n'];
    for (const part of parts) {
      buffer.append(part);
    }

    expect(Buffer.concat(buffer.chunks(64 * 1024)).toString('utf8')).toBe(parts.join(''));
    expect(buffer.byteLength).toBe(Buffer.byteLength(parts.join('')));
  });

  it('splits into views of at most the chunk size', () => {
    const buffer = new CopyTextBuffer();
    buffer.append('a'.repeat(10));

    expect(buffer.chunks(4).map((chunk) => chunk.toString())).toEqual(['aaaa', 'aaaa', 'aa']);
  });

  it('starts empty again after reset', () => {
    const buffer = new CopyTextBuffer();
    buffer.append('first');
    buffer.reset();
    buffer.append('second');

    expect(Buffer.concat(buffer.chunks(1024)).toString()).toBe('second');
  });
});
