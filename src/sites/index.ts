/**
 * The adapter registry: board code for the four known boards, and an adapter built from sites.yaml
 * alone for any other site.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { UsageError } from '../lib/errors.js';
import { createBrighterMondayAdapter } from './brightermonday/index.js';
import { createCareerJetAdapter } from './careerjet/index.js';
import { createConfiguredAdapter } from './configured-adapter.js';
import { createJobWebKenyaAdapter } from './jobwebkenya/index.js';
import { loadSites } from './load-sites.js';
import { createMyJobMagAdapter } from './myjobmag/index.js';
import type { SiteConfig } from './site-config.js';
import type { SiteAdapter } from './types.js';

export type { SiteConfig } from './site-config.js';
export * from './types.js';
export { loadSites, parseSites, baseUrlEnvName } from './load-sites.js';

const BOARD_ADAPTERS: Record<string, (site: SiteConfig) => SiteAdapter> = {
  brightermonday: createBrighterMondayAdapter,
  careerjet: createCareerJetAdapter,
  jobwebkenya: createJobWebKenyaAdapter,
  myjobmag: createMyJobMagAdapter,
};

/** Creates the adapter of a configured site: board code when nextke has it, else selectors only. */
export function createSiteAdapter(site: SiteConfig): SiteAdapter {
  const create = BOARD_ADAPTERS[site.id] ?? createConfiguredAdapter;
  return create(site);
}

let shippedSites: SiteConfig[] | undefined;

/**
 * Returns the adapter of `siteId`, configured from `sites` or, when omitted, from the sites.yaml
 * shipped with nextke. Throws UsageError for an unknown site id.
 */
export function getSiteAdapter(siteId: string, sites?: readonly SiteConfig[]): SiteAdapter {
  const available = sites ?? (shippedSites ??= loadSites(findShippedSitesFile()));
  const site = available.find((candidate) => candidate.id === siteId);
  if (!site) {
    throw new UsageError(`unknown site "${siteId}": expected one of ${available.map((candidate) => candidate.id).join(', ')}`, {
      hint: 'Add the site to sites.yaml or check its spelling.',
    });
  }
  return createSiteAdapter(site);
}

/** Returns the sites.yaml next to nextke's package.json. */
export function findShippedSitesFile(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(folder, 'sites.yaml');
    if (existsSync(candidate) && existsSync(path.join(folder, 'package.json'))) {
      return candidate;
    }
    const parent = path.dirname(folder);
    if (parent === folder) {
      throw new UsageError('sites.yaml not found next to the nextke package', { hint: 'Set NEXTKE_SITES_FILE to a sites.yaml path.' });
    }
    folder = parent;
  }
}
