/** The response headers that the scrape stage stores or acts on; the rest are dropped. */
export const KEPT_HEADER_NAMES = [
  'content-type',
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'cache-control',
  'date',
  'retry-after',
  'location',
  'server',
  'cf-mitigated',
  'x-robots-tag',
] as const;

export type KeptHeaders = Partial<Record<(typeof KEPT_HEADER_NAMES)[number], string>>;

/** Copies the kept headers, joining repeated ones with `, `. */
export function pickKeptHeaders(headers: Record<string, string | string[] | undefined>): KeptHeaders {
  const kept: KeptHeaders = {};
  for (const name of KEPT_HEADER_NAMES) {
    const value = headers[name];
    if (value !== undefined) {
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return kept;
}
