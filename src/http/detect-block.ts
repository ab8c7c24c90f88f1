/**
 * Recognises anti-bot challenge and block pages, so that they count as failures and are never
 * parsed as postings or as an empty listing.
 */

export interface BlockCheckInput {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  html: string;
  /** Extra phrases from a site's `blockedMarkers`, matched case-insensitively in the page. */
  siteMarkers?: readonly string[];
  /** `html` already lower-cased, when the caller has it; saves a copy of a large page. */
  lowerCaseHtml?: string;
}

/**
 * Phrases found on Cloudflare, Turnstile and Incapsula challenge pages. The bare
 * `/cdn-cgi/challenge-platform/` script path is left out on purpose, because Cloudflare also injects
 * it into ordinary pages that it lets through.
 */
const CHALLENGE_MARKERS = [
  '<title>just a moment...</title>',
  '<title>just a moment&hellip;</title>',
  '<title>attention required! | cloudflare</title>',
  'challenges.cloudflare.com/turnstile',
  'class="cf-turnstile"',
  'window._cf_chl_opt',
  'cf_chl_opt',
  'cf-browser-verification',
  'id="challenge-form"',
  '_incapsula_resource',
  'incapsula incident id',
];

/**
 * Returns the marker that shows the response is a challenge or block page, or null for an ordinary page.
 * A `cf-mitigated: challenge` header marks any status as blocked.
 */
export function detectBlock(input: BlockCheckInput): string | null {
  const mitigated = headerValue(input.headers, 'cf-mitigated');
  if (mitigated && mitigated.toLowerCase().includes('challenge')) {
    return 'cf-mitigated header';
  }

  const lower = input.lowerCaseHtml ?? input.html.toLowerCase();
  for (const marker of CHALLENGE_MARKERS) {
    if (lower.includes(marker)) {
      return marker;
    }
  }

  for (const marker of input.siteMarkers ?? []) {
    if (marker && lower.includes(marker.toLowerCase())) {
      return marker;
    }
  }
  return null;
}

function headerValue(headers: BlockCheckInput['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
