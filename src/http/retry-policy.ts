/**
 * Pure retry decisions for page fetches: which failures are retried, how long to wait, and how a
 * `Retry-After` header is read. Kept apart from the client so every rule is unit-tested.
 */

/** Failure reasons a fetch may throw, as `FetchError.reason`. */
export const FETCH_FAILURE_REASONS = [
  'timeout',
  'http_429',
  'http_5xx',
  'http_4xx',
  'not_found',
  'blocked',
  'too_large',
  'too_many_redirects',
  'robots_disallowed',
  'connection_refused',
  'connection_reset',
  'dns_failure',
  'retry_after_too_long',
  'aborted',
  'network',
] as const;

export type FetchFailureReason = (typeof FETCH_FAILURE_REASONS)[number];

const RETRYABLE_REASONS: ReadonlySet<FetchFailureReason> = new Set([
  'timeout',
  'http_429',
  'http_5xx',
  'blocked',
  'connection_reset',
  'connection_refused',
  'network',
]);

export interface RetryOptions {
  /** Retries after the first attempt; 0 disables retrying. */
  limit: number;
  /** Delay before the first retry; doubles on each further retry. */
  baseDelayMs: number;
  /** Upper bound of the exponential delay, before jitter. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured; a longer one fails the fetch with `retry_after_too_long`. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  limit: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Returns true when a failure with this reason may succeed if tried again. */
export function isRetryableReason(reason: FetchFailureReason): boolean {
  return RETRYABLE_REASONS.has(reason);
}

/** Maps an HTTP status that is not a success to a failure reason. */
export function reasonForStatus(status: number): FetchFailureReason {
  if (status === 429) {
    return 'http_429';
  }
  if (status === 404 || status === 410) {
    return 'not_found';
  }
  if (status >= 500) {
    return 'http_5xx';
  }
  return 'http_4xx';
}

/**
 * Parses a `Retry-After` value, either delay-seconds or an HTTP-date, into milliseconds from `nowMs`.
 * Returns null when the value is missing or invalid; a date in the past gives 0.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) {
    return null;
  }

  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1_000;
  }

  const dateMs = Date.parse(trimmed);
  if (Number.isNaN(dateMs)) {
    return null;
  }
  return Math.max(0, dateMs - nowMs);
}

/**
 * Returns the exponential backoff before retry number `retry` (1 for the first retry):
 * `baseDelayMs * 2^(retry-1)`, capped at `maxDelayMs`, then scaled by a random factor in [0.5, 1.5)
 * so that many clients do not retry in step.
 */
export function computeBackoffMs(retry: number, options: RetryOptions, random: () => number = Math.random): number {
  const exponential = options.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const capped = Math.min(exponential, options.maxDelayMs);
  return Math.round(capped * (0.5 + random()));
}

export type RetryDecision =
  | { shouldRetry: true; delayMs: number; isServerDelay: boolean }
  | { shouldRetry: false; finalReason: FetchFailureReason };

/**
 * Decides whether to retry after a failed attempt. A `Retry-After` header, when present and within
 * `maxRetryAfterMs`, replaces the backoff exactly. A longer one ends the retries at once, because waiting
 * that long would stall the whole host.
 */
export function decideRetry(input: {
  reason: FetchFailureReason;
  retry: number;
  retryAfter: string | undefined;
  nowMs: number;
  options: RetryOptions;
  random?: () => number;
}): RetryDecision {
  const { reason, retry, options } = input;
  if (!isRetryableReason(reason) || retry > options.limit) {
    return { shouldRetry: false, finalReason: reason };
  }

  const serverDelayMs = parseRetryAfterMs(input.retryAfter, input.nowMs);
  if (serverDelayMs !== null) {
    if (serverDelayMs > options.maxRetryAfterMs) {
      return { shouldRetry: false, finalReason: 'retry_after_too_long' };
    }
    return { shouldRetry: true, delayMs: serverDelayMs, isServerDelay: true };
  }

  return { shouldRetry: true, delayMs: computeBackoffMs(retry, options, input.random), isServerDelay: false };
}
