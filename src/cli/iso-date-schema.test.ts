import { describe, expect, it } from 'vitest';

import { isoDateSchema } from './iso-date-schema.js';

describe('isoDateSchema', () => {
  it.each(['2024-02-29', '2023-12-31', '2026-01-01'])('accepts %s', (value) => {
    expect(isoDateSchema.safeParse(value).success).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-32'])(
    'rejects the impossible date %s',
    (value) => {
      expect(isoDateSchema.safeParse(value).success).toBe(false);
    },
  );

  it.each(['yesterday', '2024-2-3', '2024-02-03T00:00:00Z', ''])('rejects the malformed value "%s"', (value) => {
    expect(isoDateSchema.safeParse(value).success).toBe(false);
  });
});
