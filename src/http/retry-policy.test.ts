import { describe, expect, it } from 'vitest';

import { computeBackoffMs, decideRetry, DEFAULT_RETRY_OPTIONS, parseRetryAfterMs, reasonForStatus } from './retry-policy.js';

const NOW_MS = Date.parse('2026-03-02T10:00:00Z');

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('2', NOW_MS)).toBe(2_000);
  });

  it('reads an HTTP-date', () => {
    expect(parseRetryAfterMs('Mon, 02 Mar 2026 10:00:30 GMT', NOW_MS)).toBe(30_000);
  });

  it('clamps a past date to zero', () => {
    expect(parseRetryAfterMs('Mon, 02 Mar 2026 09:00:00 GMT', NOW_MS)).toBe(0);
  });

  it('returns null for garbage', () => {
    expect(parseRetryAfterMs('soon', NOW_MS)).toBeNull();
  });

  it('returns null when absent', () => {
    expect(parseRetryAfterMs(undefined, NOW_MS)).toBeNull();
  });
});

describe('computeBackoffMs', () => {
  const options = { ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 1_000, maxDelayMs: 5_000 };

  it('doubles per retry without jitter', () => {
    const noJitter = () => 0.5;
    expect([1, 2, 3].map((retry) => computeBackoffMs(retry, options, noJitter))).toEqual([1_000, 2_000, 4_000]);
  });

  it('caps at maxDelayMs', () => {
    expect(computeBackoffMs(10, options, () => 0.5)).toBe(5_000);
  });

  it('keeps jitter within half to one and a half', () => {
    expect(computeBackoffMs(1, options, () => 0)).toBe(500);
    expect(computeBackoffMs(1, options, () => 0.999)).toBe(1_499);
  });
});

describe('decideRetry', () => {
  const options = { ...DEFAULT_RETRY_OPTIONS, limit: 2, maxRetryAfterMs: 60_000 };

  it('uses Retry-After on 429', () => {
    expect(decideRetry({ reason: 'http_429', retry: 1, retryAfter: '2', nowMs: NOW_MS, options })).toEqual({
      shouldRetry: true,
      delayMs: 2_000,
      isServerDelay: true,
    });
  });

  it('gives up when Retry-After exceeds the cap', () => {
    expect(decideRetry({ reason: 'http_429', retry: 1, retryAfter: '600', nowMs: NOW_MS, options })).toEqual({
      shouldRetry: false,
      finalReason: 'retry_after_too_long',
    });
  });

  it('stops after the retry limit', () => {
    expect(decideRetry({ reason: 'http_5xx', retry: 3, retryAfter: undefined, nowMs: NOW_MS, options })).toEqual({
      shouldRetry: false,
      finalReason: 'http_5xx',
    });
  });

  it('never retries a 404', () => {
    expect(decideRetry({ reason: 'not_found', retry: 1, retryAfter: undefined, nowMs: NOW_MS, options }).shouldRetry).toBe(false);
  });

  it('retries a blocked page with backoff', () => {
    const decision = decideRetry({ reason: 'blocked', retry: 2, retryAfter: undefined, nowMs: NOW_MS, options, random: () => 0.5 });
    expect(decision).toEqual({ shouldRetry: true, delayMs: 2_000, isServerDelay: false });
  });
});

describe('reasonForStatus', () => {
  it.each([
    [429, 'http_429'],
    [404, 'not_found'],
    [410, 'not_found'],
    [503, 'http_5xx'],
    [403, 'http_4xx'],
  ])('%i → %s', (status, reason) => {
    expect(reasonForStatus(status)).toBe(reason);
  });
});
