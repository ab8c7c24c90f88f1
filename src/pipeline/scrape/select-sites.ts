/** Loads sites.yaml and picks the sites a scrape run covers. */
import { UsageError } from '../../lib/errors.js';
import { loadSites } from '../../sites/load-sites.js';
import type { SiteConfig } from '../../sites/site-config.js';

/**
 * Returns the requested sites, or every enabled site when `siteIds` is omitted. A named site is
 * crawled even when disabled, because naming it is an explicit request. Throws UsageError for an unknown key.
 */
export function selectSites(sitesFile: string, siteIds: readonly string[] | undefined, env: Record<string, string | undefined>, baseUrlOverrides?: Record<string, string>): SiteConfig[] {
  const sites = loadSites(sitesFile, { env, baseUrlOverrides });
  if (!siteIds || siteIds.length === 0) {
    return sites.filter((site) => site.enabled);
  }

  return siteIds.map((id) => {
    const site = sites.find((candidate) => candidate.id === id);
    if (!site) {
      throw new UsageError(`unknown site "${id}" in --site: expected one of ${sites.map((candidate) => candidate.id).join(', ')}`, {
        hint: `Add the site to ${sitesFile} or check its spelling.`,
      });
    }
    return site;
  });
}
