import { describe, expect, it } from 'vitest';

import { LegacyBatch } from './legacy-batch.js';
import type { LegacyRow } from './map-legacy-row.js';

function rows(): Iterator<LegacyRow> {
  const all: LegacyRow[] = [
    { id: 3, fullLink: 'https://jobwebkenya.com/jobs/3', title: 'Driver', content: 'x' },
    { id: 5, fullLink: null, title: 'No link', content: 'x' },
    { id: 8, fullLink: 'https://jobwebkenya.com/jobs/8', title: 'Clerk', content: 'x' },
  ];
  return all[Symbol.iterator]();
}

describe('LegacyBatch', () => {
  it('yields postings and collects rejects up to its size', () => {
    const source = rows();
    const batch = new LegacyBatch(source, 2, 0);

    expect([...batch.postings()].map((posting) => posting.legacyId)).toEqual([3]);
    expect(batch.rejects.map((reject) => [reject.legacyId, reject.reason])).toEqual([[5, 'missing_url']]);
    expect(batch.rowsRead).toBe(2);
    expect(batch.postingCount).toBe(1);
    expect(batch.lastLegacyId).toBe(5);
  });

  it('continues where the previous batch stopped', () => {
    const source = rows();
    const first = new LegacyBatch(source, 2, 0);
    const second = new LegacyBatch(source, 2, first);
    [...first.postings()];

    expect([...second.postings()].map((posting) => posting.legacyId)).toEqual([8]);
    expect(second.rowsRead).toBe(1);
  });

  it('reports the previous id when it reads nothing', () => {
    const source = rows();
    const first = new LegacyBatch(source, 5, 0);
    const empty = new LegacyBatch(source, 5, first);
    [...first.postings()];
    [...empty.postings()];

    expect(empty.rowsRead).toBe(0);
    expect(empty.lastLegacyId).toBe(8);
  });

  it('throws when consumed twice', () => {
    const batch = new LegacyBatch(rows(), 1, 0);
    [...batch.postings()];

    expect(() => [...batch.postings()]).toThrow('consumed only once');
  });
});
