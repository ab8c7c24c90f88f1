import { errorMessage } from '../../lib/errors.js';
import type { Logger } from '../../lib/log.js';
import { getSiteAdapter, loadSites, type SiteAdapter, type SiteConfig } from '../../sites/index.js';
import type { AdapterLookup } from './build-posting-input.js';

/**
 * Creates an adapter lookup over the configured sites file, built on first use and cached per
 * site. A site nextke cannot configure returns undefined, and the posting's stored text is
 * processed instead; the reason is logged once.
 */
export function createAdapterLookup(sitesFile: string, log: Logger): AdapterLookup {
  let sites: SiteConfig[] | undefined;
  const adapters = new Map<string, SiteAdapter | undefined>();

  return (siteId: string) => {
    if (adapters.has(siteId)) {
      return adapters.get(siteId);
    }

    let adapter: SiteAdapter | undefined;
    try {
      sites ??= loadSites(sitesFile);
      adapter = getSiteAdapter(siteId, sites);
    } catch (error) {
      log.warnOnce('site adapter unavailable, stored text used', { site: siteId, sitesFile, error: errorMessage(error) });
    }
    adapters.set(siteId, adapter);
    return adapter;
  };
}
