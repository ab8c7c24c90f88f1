import { describe, expect, it } from 'vitest';

import type { ClaimedPosting } from '../../db/queries/posting-claims.js';
import { InternalError } from '../../lib/errors.js';
import { createAdapterLookup } from './adapter-lookup.js';
import { NO_LEARNED_HINTS } from './load-learned-hints.js';
import { normalizeBatch } from './normalize-batch.js';
import { NormalizePool } from './normalize-pool.js';

const SITES_FILE = new URL('../../../sites.yaml', import.meta.url).pathname;

function claimedPosting(index: number): ClaimedPosting {
  const county = ['Nairobi', 'Mombasa', 'Kisumu'][index % 3];
  return {
    id: String(1000 + index),
    source: 'example.org',
    url: `https://example.org/jobs/${index}`,
    title_raw: index % 2 === 0 ? 'Accountant' : 'Sales Representative',
    description_raw:
      `Posting ${index}: we are hiring in ${county}. Requirements: a diploma, ${index % 5} years of experience, ` +
      'good communication skills and knowledge of Excel. Salary KSh 40,000 - 60,000 per month. '.repeat(1 + (index % 4)),
    requirements_raw: null,
    first_seen: new Date(Date.UTC(2026, 0, 1 + (index % 28))),
  };
}

describe('NormalizePool', () => {
  it('returns what the main thread returns, in claim order', async () => {
    const claimed = Array.from({ length: 230 }, (_, index) => claimedPosting(index));
    const expected = normalizeBatch(claimed, new Map(), NO_LEARNED_HINTS, createAdapterLookup(SITES_FILE, () => undefined));
    const pool = new NormalizePool(2, { hints: NO_LEARNED_HINTS, sitesFile: SITES_FILE }, () => undefined);

    try {
      const batch = await pool.normalize(claimed, new Map());

      expect(batch.postings.map((posting) => posting.id)).toEqual(claimed.map((posting) => posting.id));
      expect(batch).toEqual(expected);
    } finally {
      await pool.close();
    }
  });

  it('rejects a batch after close', async () => {
    const pool = new NormalizePool(1, { hints: NO_LEARNED_HINTS, sitesFile: SITES_FILE }, () => undefined);
    await pool.close();

    await expect(pool.normalize([claimedPosting(1)], new Map())).rejects.toThrow(InternalError);
  });

  it('reports a site without adapter once', async () => {
    const problems: string[] = [];
    const pool = new NormalizePool(1, { hints: NO_LEARNED_HINTS, sitesFile: SITES_FILE }, (problem) => problems.push(problem.site));
    const page = { jobPostId: '1001', site: 'no-such-board', url: 'https://example.org/jobs/1', fetchedAt: new Date(), html: '<h1>Driver</h1>' };

    try {
      const batch = await pool.normalize([claimedPosting(1)], new Map([['1001', page]]));

      expect(problems).toEqual(['no-such-board']);
      expect(batch.warnings).toEqual([{ jobId: '1001', message: 'no adapter for site no-such-board' }]);
    } finally {
      await pool.close();
    }
  });
});
