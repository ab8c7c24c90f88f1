/**
 * Lists the sites of `sites.yaml` with their last scrape, for `nextke status`.
 * NOTE: returns no sites until the site loader exists; the scrape command wires it in.
 */
import type { Context } from '../pipeline/context.js';
import type { StatusSite } from '../pipeline/status/get-status.js';

export async function listConfiguredSites(_ctx: Context): Promise<StatusSite[]> {
  return [];
}
