import { describe, expect, it } from 'vitest';

import { detectBlock } from './detect-block.js';

describe('detectBlock', () => {
  it('flags a cf-mitigated challenge header', () => {
    expect(detectBlock({ status: 403, headers: { 'cf-mitigated': 'challenge' }, html: '<html></html>' })).toBe('cf-mitigated header');
  });

  it('flags the Just a moment title', () => {
    const html = '<html><head><title>Just a moment...</title></head><body></body></html>';
    expect(detectBlock({ status: 503, headers: {}, html })).toBe('<title>just a moment...</title>');
  });

  it('flags a 200 page with a Turnstile iframe', () => {
    const html = '<html><body><iframe src="https://challenges.cloudflare.com/turnstile/v0/api.js"></iframe></body></html>';
    expect(detectBlock({ status: 200, headers: {}, html })).toBe('challenges.cloudflare.com/turnstile');
  });

  it('flags a site marker', () => {
    const html = '<h1>Verification required</h1><p>We detected unusual traffic</p>';
    expect(detectBlock({ status: 200, headers: {}, html, siteMarkers: ['verification required'] })).toBe('verification required');
  });

  it('passes an ordinary page with challenge-platform script', () => {
    const html = '<html><head><title>Planner at DHL |  MyJobMag</title><script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script></head></html>';
    expect(detectBlock({ status: 200, headers: {}, html })).toBeNull();
  });

  it('passes Cloudflare e-mail protection links', () => {
    const html = '<a href="/cdn-cgi/l/email-protection#00" class="__cf_email__">[email&#160;protected]</a>';
    expect(detectBlock({ status: 200, headers: { server: 'cloudflare' }, html })).toBeNull();
  });
});
