import { errorMessage } from '../../lib/errors.js';
import { getSiteAdapter, loadSites, type SiteAdapter, type SiteConfig } from '../../sites/index.js';
import type { AdapterLookup } from './build-posting-input.js';

/** The reason a site's adapter could not be built; its postings are processed from their stored text. */
export interface AdapterProblem {
  site: string;
  sitesFile: string;
  error: string;
}

/** The log event of an AdapterProblem, logged once per run. */
export const ADAPTER_UNAVAILABLE_EVENT = 'site adapter unavailable, stored text used';

/**
 * Creates an adapter lookup over the configured sites file, built on first use and cached per
 * site. A site nextke cannot configure returns undefined, and the posting's stored text is
 * processed instead; `onProblem` receives the reason once per site.
 */
export function createAdapterLookup(sitesFile: string, onProblem: (problem: AdapterProblem) => void): AdapterLookup {
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
      onProblem({ site: siteId, sitesFile, error: errorMessage(error) });
    }
    adapters.set(siteId, adapter);
    return adapter;
  };
}
