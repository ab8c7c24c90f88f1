/**
 * Merges the reports of one stage's parts (a site check plus one scrape per site, or one report
 * per processed batch) into a single report for the run record.
 */
import type { ErrorGroup } from '../lib/error-tally.js';
import type { StageName, StageReport, StageStatus } from '../pipeline/run-report.js';

// The worst status of the parts wins.
const STATUS_RANK: Record<StageStatus, number> = { skipped: 0, succeeded: 1, partial: 2, failed: 3, interrupted: 4 };

/** Sums counts, merges error groups by name and keeps the worst status; `durationMs` is the caller's wall time. */
export function mergeStageReports(stage: StageName, parts: ReadonlyArray<StageReport<object>>, durationMs: number): StageReport<{ parts: number }> {
  const counts: Record<string, number> = {};
  const groups = new Map<string, ErrorGroup>();
  let status: StageStatus = parts.length === 0 ? 'skipped' : 'succeeded';
  const reasons: string[] = [];

  for (const part of parts) {
    for (const [name, value] of Object.entries(part.counts)) {
      counts[name] = (counts[name] ?? 0) + value;
    }
    for (const group of part.errorGroups) {
      const existing = groups.get(group.group);
      groups.set(group.group, existing ? { ...existing, count: existing.count + group.count } : { ...group });
    }
    if (STATUS_RANK[part.status] > STATUS_RANK[status]) {
      status = part.status;
    }
    if (part.reason && part.status !== 'succeeded') {
      reasons.push(part.reason);
    }
  }

  const errorGroups = [...groups.values()].sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
  return {
    stage,
    status,
    counts,
    durationMs,
    errorGroups,
    reason: reasons.length > 0 ? reasons.join('; ') : undefined,
    details: { parts: parts.length },
  };
}
