/**
 * One batch of legacy rows, mapped lazily: a writer pulls postings from `postings()` and the
 * batch counts rows read and collects rejects as it goes. Nothing but the rejects is kept, so a
 * batch costs the same memory whatever its size.
 */
import { mapLegacyRow, type LegacyPosting, type LegacyRow, type RejectedRow } from './map-legacy-row.js';

export class LegacyBatch {
  readonly #rows: Iterator<LegacyRow>;

  readonly #maxRows: number;

  #isConsumed = false;

  /** Rows the mapper rejected, in id order. */
  readonly rejects: RejectedRow[] = [];

  rowsRead = 0;

  postingCount = 0;

  titlesTruncated = 0;

  #lastReadId: number | null = null;

  /** The id before this batch: a number, or the batch before it while that one is still being read. */
  #previous: number | LegacyBatch;

  constructor(rows: Iterator<LegacyRow>, maxRows: number, previous: number | LegacyBatch) {
    this.#rows = rows;
    this.#maxRows = maxRows;
    this.#previous = previous;
  }

  /** The highest legacy id read, else the previous batch's: the checkpoint once the batch commits. */
  get lastLegacyId(): number {
    if (this.#lastReadId !== null) {
      return this.#lastReadId;
    }
    return typeof this.#previous === 'number' ? this.#previous : this.#previous.lastLegacyId;
  }

  /** Yields the batch's postings in legacy id order. Can be consumed once. */
  *postings(): Generator<LegacyPosting> {
    if (this.#isConsumed) {
      throw new Error('a legacy batch can be consumed only once');
    }
    this.#isConsumed = true;
    // The previous batch is fully read by now; keep its id, not the batch.
    this.#previous = this.lastLegacyId;

    while (this.rowsRead < this.#maxRows) {
      const next = this.#rows.next();
      if (next.done) {
        return;
      }

      this.rowsRead++;
      this.#lastReadId = next.value.id;
      const result = mapLegacyRow(next.value);
      if ('reject' in result) {
        this.rejects.push(result.reject);
        continue;
      }

      this.postingCount++;
      this.titlesTruncated += result.isTitleTruncated ? 1 : 0;
      yield result.posting;
    }
  }
}
