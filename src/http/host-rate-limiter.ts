/**
 * Per-host politeness: a concurrency cap (one p-queue per host) plus a schedule of start times.
 * The schedule keeps at most `requestsPerMinute` starts in any rolling 60-second window and spaces them
 * evenly. A robots.txt `Crawl-delay` sets a minimum interval, and a `Retry-After` can pause the host.
 */
import PQueue from 'p-queue';

const WINDOW_MS = 60_000;

export interface HostRateLimiterOptions {
  /** Request starts allowed in any 60-second window; 0 or Infinity turns rate limiting off. */
  requestsPerMinute: number;
  /** Requests in flight at once to this host. */
  concurrency: number;
  /** Clock, replaceable in tests. */
  now?: () => number;
  /** Wait, replaceable in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The rate limiter of one host. Create through `HostRateLimiters.forHost`. */
export class HostRateLimiter {
  readonly #queue: PQueue;

  readonly #requestsPerMinute: number;

  readonly #now: () => number;

  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  /** Start times already granted, oldest first, trimmed to the last window. */
  readonly #startTimesMs: number[] = [];

  #minIntervalMs = 0;

  #pausedUntilMs = 0;

  constructor(options: HostRateLimiterOptions) {
    if (!(options.concurrency >= 1)) {
      throw new TypeError(`concurrency must be at least 1, received ${options.concurrency}`);
    }
    this.#queue = new PQueue({ concurrency: options.concurrency });
    this.#requestsPerMinute = options.requestsPerMinute > 0 ? options.requestsPerMinute : Infinity;
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? sleep;
  }

  /** Sets the minimum gap between two request starts, e.g. from robots.txt `Crawl-delay`. */
  setMinIntervalMs(ms: number): void {
    this.#minIntervalMs = Math.max(0, ms);
  }

  /** Holds every request to this host until `untilMs` (epoch milliseconds), e.g. after a 429. */
  pauseUntil(untilMs: number): void {
    this.#pausedUntilMs = Math.max(this.#pausedUntilMs, untilMs);
  }

  /** Requests waiting plus requests running. */
  get pendingCount(): number {
    return this.#queue.size + this.#queue.pending;
  }

  /** Runs `task` once a concurrency slot and a start time are free. Rejects with the signal's reason when aborted. */
  async schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#queue.add(
      async () => {
        await this.#waitForStartTime(signal);
        return task();
      },
      { signal },
    );
  }

  /** Returns the earliest start time allowed now, without reserving it. */
  nextStartTimeMs(): number {
    const nowMs = this.#now();
    this.#trimWindow(nowMs);

    let startMs = Math.max(nowMs, this.#pausedUntilMs);
    const lastStartMs = this.#startTimesMs.at(-1);
    if (lastStartMs !== undefined) {
      startMs = Math.max(startMs, lastStartMs + this.#spacingMs());
    }

    if (this.#startTimesMs.length >= this.#requestsPerMinute) {
      const windowOpenerMs = this.#startTimesMs[this.#startTimesMs.length - this.#requestsPerMinute];
      if (windowOpenerMs !== undefined) {
        startMs = Math.max(startMs, windowOpenerMs + WINDOW_MS);
      }
    }
    return startMs;
  }

  async #waitForStartTime(signal?: AbortSignal): Promise<void> {
    for (;;) {
      // Reserving synchronously keeps concurrent tasks from taking the same start time.
      const startMs = this.nextStartTimeMs();
      this.#startTimesMs.push(startMs);

      const waitMs = startMs - this.#now();
      if (waitMs > 0) {
        await this.#sleep(waitMs, signal);
      }

      // A pause set while this task slept moves its start; give the slot back and reserve again.
      if (this.#pausedUntilMs > startMs) {
        this.#startTimesMs.splice(this.#startTimesMs.indexOf(startMs), 1);
        continue;
      }
      return;
    }
  }

  /** Gap between starts: even spacing over the minute, or the crawl delay when that is longer. */
  #spacingMs(): number {
    const evenSpacingMs = Number.isFinite(this.#requestsPerMinute) ? WINDOW_MS / this.#requestsPerMinute : 0;
    return Math.max(evenSpacingMs, this.#minIntervalMs);
  }

  #trimWindow(nowMs: number): void {
    const keepFromMs = nowMs - WINDOW_MS;
    while (this.#startTimesMs.length > 0 && (this.#startTimesMs[0] ?? 0) <= keepFromMs && this.#startTimesMs.length > 1) {
      this.#startTimesMs.shift();
    }
  }
}

/** One `HostRateLimiter` per host name, created on first use with the same options. */
export class HostRateLimiters {
  readonly #limiters = new Map<string, HostRateLimiter>();

  constructor(private readonly optionsForHost: (host: string) => HostRateLimiterOptions) {}

  forHost(host: string): HostRateLimiter {
    let limiter = this.#limiters.get(host);
    if (!limiter) {
      limiter = new HostRateLimiter(this.optionsForHost(host));
      this.#limiters.set(host, limiter);
    }
    return limiter;
  }
}

/** Waits `ms` milliseconds, rejecting early with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }

    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
