/**
 * Lists the sites of `sites.yaml` with their last scrape, for `nextke status`. A sites file that
 * fails to load does not fail status: the report shows the error instead.
 */
import type { Context } from '../pipeline/context.js';
import type { StatusSite } from '../pipeline/status/get-status.js';
import { loadSites } from '../sites/load-sites.js';

export async function listConfiguredSites(ctx: Context): Promise<StatusSite[]> {
  const sites = loadSites(ctx.config.scrape.sitesFile, { env: ctx.config.env });
  const states = await ctx.store.db.selectFrom('scrape_state').select(['site', 'last_run_at', 'last_status']).execute();
  const stateBySite = new Map(states.map((state) => [state.site, state]));

  return sites.map((site) => {
    const state = stateBySite.get(site.id);
    return {
      id: site.id,
      isEnabled: site.enabled,
      baseUrl: site.baseUrl,
      lastRunAt: state?.last_run_at ? new Date(state.last_run_at).toISOString() : null,
      lastStatus: state?.last_status ?? null,
    };
  });
}
