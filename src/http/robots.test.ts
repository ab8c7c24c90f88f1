import { describe, expect, it } from 'vitest';

import { createMemoryLogger } from '../lib/log.js';
import { parseRobotsTxt, RobotsCache } from './robots.js';

const ROBOTS = ['User-agent: *', 'Disallow: /jobs/search', 'Crawl-delay: 2', '', 'User-agent: otherbot', 'Disallow: /'].join('\n');

describe('parseRobotsTxt', () => {
  const rules = parseRobotsTxt('http://127.0.0.1:8080/robots.txt', ROBOTS, 'nextke');

  it('disallows a listed path', () => {
    expect(rules.isAllowed('http://127.0.0.1:8080/jobs/search?q=driver')).toBe(false);
  });

  it('allows other paths', () => {
    expect(rules.isAllowed('http://127.0.0.1:8080/jobs?page=2')).toBe(true);
  });

  it('reads Crawl-delay in milliseconds', () => {
    expect(rules.crawlDelayMs).toBe(2_000);
  });

  it('applies a group for nextke before the wildcard', () => {
    const own = parseRobotsTxt('http://h/robots.txt', 'User-agent: nextke\nDisallow: /private\n\nUser-agent: *\nDisallow: /', 'nextke');
    expect(own.isAllowed('http://h/jobs')).toBe(true);
    expect(own.isAllowed('http://h/private/x')).toBe(false);
  });
});

describe('RobotsCache', () => {
  it('fetches once per origin', async () => {
    let fetches = 0;
    const cache = new RobotsCache(
      async () => {
        fetches += 1;
        return { status: 200, text: ROBOTS };
      },
      'nextke',
      createMemoryLogger(),
    );

    await Promise.all([cache.rulesFor('http://a.test/x'), cache.rulesFor('http://a.test/y')]);

    expect(fetches).toBe(1);
  });

  it('allows all on 404', async () => {
    const cache = new RobotsCache(async () => ({ status: 404, text: '' }), 'nextke', createMemoryLogger());
    const rules = await cache.rulesFor('http://a.test/x');
    expect(rules.isAllowed('http://a.test/anything')).toBe(true);
    expect(rules.origin).toBe('missing');
  });

  it('disallows all on 503', async () => {
    const cache = new RobotsCache(async () => ({ status: 503, text: '' }), 'nextke', createMemoryLogger());
    const rules = await cache.rulesFor('http://a.test/x');
    expect(rules.isAllowed('http://a.test/anything')).toBe(false);
  });

  it('disallows all and logs when the fetch throws', async () => {
    const logger = createMemoryLogger();
    const cache = new RobotsCache(
      async () => {
        throw new Error('ECONNREFUSED');
      },
      'nextke',
      logger,
    );

    const rules = await cache.rulesFor('http://a.test/x');

    expect(rules.origin).toBe('unavailable');
    expect(rules.unavailableReason).toBe('robots_unavailable');
    expect(logger.records.map((record) => record.event)).toContain('robots.txt fetch failed, disallowing the origin for this run');
  });
});
