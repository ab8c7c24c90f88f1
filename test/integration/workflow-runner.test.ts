import os from 'node:os';

import pg from 'pg';
import { beforeEach, expect, it } from 'vitest';

import { findRunStages } from '../../src/db/queries/workflow-stage-writes.js';
import { findWorkflowRun, insertWorkflowRun } from '../../src/db/queries/workflow-run-writes.js';
import { DependencyUnavailableError, LockHeldError, UsageError } from '../../src/lib/errors.js';
import { createMemoryLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import type { StageName, StageReport, StageStatus } from '../../src/pipeline/run-report.js';
import { runWorkflow } from '../../src/workflow/run-workflow.js';
import type { StageRegistry, StageRunner } from '../../src/workflow/stage-registry.js';
import { WORKFLOW_LOCK_KEY } from '../../src/workflow/workflow-lock.js';
import { describeEachStore, type TestStore } from '../helpers/test-store.js';

function report(stage: StageName, status: StageStatus, counts: Record<string, number> = {}, reason?: string): StageReport {
  return { stage, status, counts, durationMs: 1, errorGroups: [], reason, details: {} };
}

/** Builds a registry whose stages succeed and record the order they ran in, with overrides per stage. */
function fakeRegistry(calls: string[], overrides: Partial<Record<StageName, StageRunner>> = {}): StageRegistry {
  const registry: StageRegistry = {};
  for (const name of ['migrate', 'scrape', 'process', 'learn', 'optimize', 'insights'] as const) {
    registry[name] = async (ctx, input) => {
      calls.push(name);
      const override = overrides[name];
      return override ? override(ctx, input) : report(name, 'succeeded', { done: 1 });
    };
  }
  return registry;
}

function makeContext(testStore: TestStore, signal = new AbortController().signal): Context {
  return {
    config: {} as Context['config'],
    store: testStore.store,
    log: createMemoryLogger(),
    progress: silentProgress,
    signal,
  };
}

describeEachStore('runWorkflow', (getStore, kind) => {
  let calls: string[];

  beforeEach(async () => {
    calls = [];
    // Each test starts with no run marked running, as after a clean finish.
    await getStore().store.db.updateTable('workflow_run').set({ status: 'failed' }).where('status', '=', 'running').execute();
  });

  it('runs every stage in order and records the run', async () => {
    const ctx = makeContext(getStore());
    const result = await runWorkflow(ctx, { trigger: 'manual' }, fakeRegistry(calls));

    expect(calls).toEqual(['scrape', 'process', 'learn', 'optimize', 'insights']);
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);

    const run = await findWorkflowRun(ctx.store.db, result.runId);
    expect(run?.status).toBe('succeeded');
    expect(run?.exit_code).toBe(0);
    expect(run?.trigger).toBe('manual');
    expect(run?.pid).toBe(process.pid);
    expect(run?.finished_at).not.toBeNull();

    const stages = await findRunStages(ctx.store.db, result.runId);
    expect(stages.map((stage) => [stage.name, stage.status])).toEqual([
      ['scrape', 'succeeded'],
      ['process', 'succeeded'],
      ['learn', 'succeeded'],
      ['optimize', 'succeeded'],
      ['insights', 'succeeded'],
    ]);
    expect(stages[1]?.counts).toEqual({ done: 1 });
  });

  it('stops at a failed stage with exit code 3', async () => {
    const ctx = makeContext(getStore());
    const registry = fakeRegistry(calls, { process: async () => report('process', 'failed', { read: 4 }, 'validation schema missing') });
    const result = await runWorkflow(ctx, { trigger: 'manual' }, registry);

    expect(calls).toEqual(['scrape', 'process']);
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(3);
    expect(result.error).toBe('stage process failed: validation schema missing');
    expect(result.stages.map((stage) => stage.status)).toEqual(['succeeded', 'failed', 'pending', 'pending', 'pending']);

    const stages = await findRunStages(ctx.store.db, result.runId);
    expect(stages[1]?.error).toBe('validation schema missing');
    expect(stages[2]?.status).toBe('pending');
  });

  it('exits 4 when a stage throws DependencyUnavailableError', async () => {
    const ctx = makeContext(getStore());
    const registry = fakeRegistry(calls, {
      learn: async () => {
        throw new DependencyUnavailableError('database at db.internal:5432 is unreachable');
      },
    });
    const result = await runWorkflow(ctx, { trigger: 'schedule' }, registry);

    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(4);
    expect(result.stages[2]).toMatchObject({ name: 'learn', status: 'failed', error: 'database at db.internal:5432 is unreachable' });
  });

  it('goes on after a partial stage and exits 3', async () => {
    const ctx = makeContext(getStore());
    const registry = fakeRegistry(calls, { scrape: async () => report('scrape', 'partial', { sitesFailed: 1 }, 'site fuzu: connection refused') });
    const result = await runWorkflow(ctx, { trigger: 'manual' }, registry);

    expect(calls).toEqual(['scrape', 'process', 'learn', 'optimize', 'insights']);
    expect(result.status).toBe('partial');
    expect(result.exitCode).toBe(3);
    expect(result.error).toBe('scrape: site fuzu: connection refused');
  });

  it('records an interrupted stage and resumes from it', async () => {
    const ctx = makeContext(getStore());
    const first = await runWorkflow(ctx, { trigger: 'manual', htmlDir: '/tmp/report' }, fakeRegistry(calls, { learn: async () => report('learn', 'interrupted') }));

    expect(first.status).toBe('interrupted');
    expect(first.exitCode).toBe(130);
    expect(first.stages.map((stage) => stage.status)).toEqual(['succeeded', 'succeeded', 'interrupted', 'pending', 'pending']);

    calls.length = 0;
    const inputs: Array<string | undefined> = [];
    const registry = fakeRegistry(calls, {
      insights: async (_ctx, input) => {
        inputs.push(input.htmlDir);
        return report('insights', 'succeeded');
      },
    });
    const resumed = await runWorkflow(ctx, { trigger: 'manual', resumeRunId: 'latest' }, registry);

    expect(calls).toEqual(['learn', 'optimize', 'insights']);
    expect(resumed.resumedFrom).toBe(first.runId);
    expect(resumed.status).toBe('succeeded');
    expect(inputs).toEqual(['/tmp/report']);
  });

  it('stops between stages once the signal aborts', async () => {
    const controller = new AbortController();
    const ctx = makeContext(getStore(), controller.signal);
    const registry = fakeRegistry(calls, {
      scrape: async () => {
        controller.abort();
        return report('scrape', 'succeeded');
      },
    });
    const result = await runWorkflow(ctx, { trigger: 'manual' }, registry);

    expect(calls).toEqual(['scrape']);
    expect(result.status).toBe('interrupted');
    expect(result.exitCode).toBe(130);
    expect(result.error).toBe('interrupted between stages');
  });

  it('rejects --resume of a succeeded run', async () => {
    const ctx = makeContext(getStore());
    const done = await runWorkflow(ctx, { trigger: 'manual', stages: ['insights'] }, fakeRegistry(calls));

    await expect(runWorkflow(ctx, { trigger: 'manual', resumeRunId: done.runId }, fakeRegistry(calls))).rejects.toThrow(
      `workflow run ${done.runId} is succeeded: only a failed or interrupted run can be resumed`,
    );
    await expect(runWorkflow(ctx, { trigger: 'manual', resumeRunId: '999999' }, fakeRegistry(calls))).rejects.toThrow(UsageError);
  });

  it('marks a run left running by a dead process interrupted', async () => {
    const ctx = makeContext(getStore());
    const deadRunId = await insertWorkflowRun(ctx.store.db, { trigger: 'schedule', stages: ['scrape'], options: {}, host: os.hostname(), pid: 999_999 });

    const result = await runWorkflow(ctx, { trigger: 'manual', stages: ['insights'] }, fakeRegistry(calls));

    expect(result.interruptedRunIds).toEqual([deadRunId]);
    const dead = await findWorkflowRun(ctx.store.db, deadRunId);
    expect(dead?.status).toBe('interrupted');
    expect(dead?.error).toBe(`process 999999 on ${os.hostname()} stopped without finishing the run`);
  });

  it('rejects a second run in the same process', async () => {
    const ctx = makeContext(getStore());
    let inner: Promise<unknown> | undefined;
    const registry = fakeRegistry(calls, {
      insights: async () => {
        inner = runWorkflow(ctx, { trigger: 'schedule', stages: ['insights'] }, fakeRegistry([]));
        await inner.catch(() => undefined);
        return report('insights', 'succeeded');
      },
    });
    await runWorkflow(ctx, { trigger: 'manual', stages: ['insights'] }, registry);

    await expect(inner).rejects.toThrow(LockHeldError);
    await expect(inner).rejects.toThrow(/workflow lock on .* is held by run \d+ \(pid \d+ on .*, started .*, trigger manual\)/);
  });

  if (kind === 'postgres') {
    it('exits 5 naming the session that holds the advisory lock', async () => {
      const ctx = makeContext(getStore());
      const holder = new pg.Client({ connectionString: getStore().env.DATABASE_URL, application_name: 'lock-holder-test' });
      await holder.connect();
      try {
        await holder.query('select pg_advisory_lock($1, $2)', [WORKFLOW_LOCK_KEY.classId, WORKFLOW_LOCK_KEY.objectId]);
        const attempt = runWorkflow(ctx, { trigger: 'manual', stages: ['insights'] }, fakeRegistry(calls));

        await expect(attempt).rejects.toThrow(LockHeldError);
        await expect(attempt).rejects.toThrow(/held by database session \d+ \(lock-holder-test from .*\), with no run recorded yet/);
        expect(calls).toEqual([]);
      } finally {
        await holder.end();
      }
    });
  }
});
