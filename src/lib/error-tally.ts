/**
 * Counts errors by group (a stable reason such as `http_503` or `invalid_url`) and keeps one
 * example of each, so that summaries show the most common causes without listing every one.
 */

export interface ErrorGroup {
  group: string;
  count: number;
  example: string;
}

export class ErrorTally {
  readonly #groups = new Map<string, ErrorGroup>();

  add(group: string, example: string): void {
    const existing = this.#groups.get(group);
    if (existing) {
      existing.count++;
    } else {
      this.#groups.set(group, { group, count: 1, example });
    }
  }

  get total(): number {
    let total = 0;
    for (const group of this.#groups.values()) {
      total += group.count;
    }
    return total;
  }

  /** Returns the groups, largest first, at most `limit` of them. */
  top(limit = 3): ErrorGroup[] {
    return [...this.#groups.values()].sort((a, b) => b.count - a.count || a.group.localeCompare(b.group)).slice(0, limit);
  }

  /** Returns every group's count, keyed by group. */
  toCounts(): Record<string, number> {
    return Object.fromEntries([...this.#groups.values()].map((group) => [group.group, group.count]));
  }
}
