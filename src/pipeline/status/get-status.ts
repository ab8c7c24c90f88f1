/**
 * Builds the `nextke status` report: where the data is, the schema version, posting counts by
 * source, the configured sites, the last workflow runs and any live daemon's next run times.
 */
import { countPostingsBySource, sumPostingCounts, type PostingCounts, type SourceCounts } from '../../db/queries/job-post-counts.js';
import { findLiveDaemons, findRecentRuns } from '../../db/queries/workflow-runs.js';
import type { Context } from '../context.js';

export interface StatusSite {
  id: string;
  isEnabled: boolean;
  baseUrl: string;
  lastRunAt: string | null;
  lastStatus: string | null;
}

export interface StatusRun {
  id: string;
  trigger: string;
  status: string;
  startedAt: string;
  durationMs: number | null;
  stages: Array<{ name: string; status: string; durationMs: number | null; counts: Record<string, unknown>; error: string | null }>;
}

export interface StatusReport {
  store: { kind: string; location: string };
  schema: { applied: string[]; pending: string[]; appliedNow: string[] };
  postings: PostingCounts & { bySource: SourceCounts[] };
  sites: StatusSite[];
  sitesError: string | null;
  runs: StatusRun[];
  daemons: Array<{ daemonId: string; host: string; pid: number; beatAt: string; nextRuns: Record<string, string | null> }>;
}

/** Loads the configured sites for the report; injected so that status does not depend on the site layer's loader. */
export type SiteLister = (ctx: Context) => Promise<StatusSite[]>;

const RECENT_RUN_COUNT = 5;
// A daemon beats every 30 s; two missed beats and it no longer counts as running.
const DAEMON_HEARTBEAT_MAX_AGE_MS = 90_000;

export async function getStatus(ctx: Context, listSites?: SiteLister): Promise<StatusReport> {
  const { db } = ctx.store;
  const bySource = await countPostingsBySource(db);

  let sites: StatusSite[] = [];
  let sitesError: string | null = null;
  if (listSites) {
    try {
      sites = await listSites(ctx);
    } catch (error) {
      sitesError = error instanceof Error ? error.message : String(error);
    }
  }

  const runs = await findRecentRuns(db, RECENT_RUN_COUNT);
  const daemons = await findLiveDaemons(db, DAEMON_HEARTBEAT_MAX_AGE_MS);

  return {
    store: { kind: ctx.store.kind, location: ctx.store.location },
    schema: ctx.store.schema,
    postings: { ...sumPostingCounts(bySource), bySource },
    sites,
    sitesError,
    runs: runs.map((run) => ({
      id: run.id,
      trigger: run.trigger,
      status: run.status,
      startedAt: new Date(run.started_at).toISOString(),
      durationMs: run.duration_ms,
      stages: run.stageRows.map((stage) => ({
        name: stage.name,
        status: stage.status,
        durationMs: stage.duration_ms,
        counts: stage.counts,
        error: stage.error,
      })),
    })),
    daemons: daemons.map((daemon) => ({
      daemonId: daemon.daemon_id,
      host: daemon.host,
      pid: daemon.pid,
      beatAt: new Date(daemon.beat_at).toISOString(),
      nextRuns: daemon.next_runs,
    })),
  };
}
