/**
 * robots.txt rules per origin, fetched once per run and cached. Status handling follows RFC 9309:
 * a 4xx means no rules (allow all), while a 5xx or a network failure means disallow all until the
 * next run, because the server may be overloaded.
 */
import * as robotsParserModule from 'robots-parser';

import type { Logger } from '../lib/log.js';

// robots-parser 3 declares `export default` for a CommonJS `module.exports = fn`. Node's ESM loader puts
// that function on `.default` of the namespace, while some loaders hand back the function itself.
interface ParsedRobotsTxt {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
}
type RobotsParser = (robotsUrl: string, text: string) => ParsedRobotsTxt;
const robotsParserExport: unknown = robotsParserModule;
const robotsParser = (
  typeof robotsParserExport === 'function' ? robotsParserExport : (robotsParserExport as { default: unknown }).default
) as RobotsParser;

export interface RobotsRules {
  /** Returns false when robots.txt disallows the URL for nextke's user-agent token. */
  isAllowed(url: string): boolean;
  /** `Crawl-delay` for nextke (or `*`), in milliseconds; null when absent. */
  crawlDelayMs: number | null;
  /** Why these rules apply: parsed from the file, no file, or the file could not be fetched. */
  origin: 'parsed' | 'missing' | 'unavailable';
  /** For unavailable rules: the fetch failure reason (`dns_failure`, `connection_refused`, `http_503`...). */
  unavailableReason?: string;
}

export interface RobotsResponse {
  status: number;
  text: string;
}

/** Parses robots.txt text into rules for `userAgentToken` (the product token, e.g. `nextke`). */
export function parseRobotsTxt(robotsUrl: string, text: string, userAgentToken: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  const delaySeconds = robots.getCrawlDelay(userAgentToken);

  return {
    // robots-parser returns undefined for a URL on another origin; those are checked against their own file.
    isAllowed: (url) => robots.isAllowed(url, userAgentToken) !== false,
    crawlDelayMs: typeof delaySeconds === 'number' && delaySeconds > 0 ? delaySeconds * 1_000 : null,
    origin: 'parsed',
  };
}

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, origin: 'missing' };

function disallowAll(unavailableReason: string): RobotsRules {
  return { isAllowed: () => false, crawlDelayMs: null, origin: 'unavailable', unavailableReason };
}

/** Fetches and caches robots.txt per origin; concurrent callers share one fetch. */
export class RobotsCache {
  readonly #rulesByOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetchRobots: (robotsUrl: string) => Promise<RobotsResponse>,
    private readonly userAgentToken: string,
    private readonly logger: Logger,
  ) {}

  /** Returns the rules that apply to `url`'s origin. Never throws: a failed fetch gives disallow-all. */
  rulesFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.#rulesByOrigin.get(origin);
    if (!rules) {
      rules = this.#load(origin);
      this.#rulesByOrigin.set(origin, rules);
    }
    return rules;
  }

  async #load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const response = await this.fetchRobots(robotsUrl);
      if (response.status >= 200 && response.status < 300) {
        const rules = parseRobotsTxt(robotsUrl, response.text, this.userAgentToken);
        this.logger.debug('robots.txt loaded', { origin, crawlDelayMs: rules.crawlDelayMs });
        return rules;
      }
      if (response.status >= 400 && response.status < 500) {
        this.logger.debug('robots.txt missing, allowing all', { origin, status: response.status });
        return ALLOW_ALL;
      }
      this.logger.warn('robots.txt unavailable, disallowing the origin for this run', { origin, status: response.status });
      return disallowAll(response.status >= 500 ? 'http_5xx' : 'network');
    } catch (error) {
      this.logger.warn('robots.txt fetch failed, disallowing the origin for this run', { origin, error });
      // A FetchError carries the network reason; keep it so that the site check reports the real cause.
      const reason = (error as { reason?: unknown }).reason;
      return disallowAll(typeof reason === 'string' ? reason : 'robots_unavailable');
    }
  }
}
