import { sql } from 'kysely';
import { expect, it } from 'vitest';

import { loadConfig } from '../../src/config/load-config.js';
import type { Store } from '../../src/db/client.js';
import { findAcceptedSkills, findAcceptedTitleAliases, listLearnedPatterns } from '../../src/db/queries/learned-patterns.js';
import { silentLogger } from '../../src/lib/log.js';
import { silentProgress } from '../../src/lib/progress.js';
import type { Context } from '../../src/pipeline/context.js';
import { acceptPatterns } from '../../src/pipeline/learn/manage-patterns.js';
import { runLearn } from '../../src/pipeline/learn/run-learn.js';
import { runOptimize } from '../../src/pipeline/optimize/run-optimize.js';
import { runProcess } from '../../src/pipeline/process/run-process.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { describeEachStore } from '../helpers/test-store.js';

const ORGANIZATIONS = ['Acacia Systems Ltd', 'Baobab Digital Ltd', 'Cedar Apps Ltd', 'Dhow Software Ltd', 'Elgon Tech Ltd'];

function createContext(store: Store): Context {
  return { config: loadConfig({ env: {}, cwd: REPO_ROOT }), store, log: silentLogger, progress: silentProgress, signal: new AbortController().signal };
}

function describePosting(title: string, organization: string, index: number): string {
  return [
    `${title} at ${organization}`,
    `${organization} is hiring a ${title} to join its product team in Nairobi, Kenya. This is a full time role.`,
    'Responsibilities',
    `- Build and maintain web applications for our clients in retail and banking (posting ${index}).`,
    '- Review code, write automated tests and support releases every two weeks.',
    'Requirements',
    '- Bachelor degree in Computer Science or a related field.',
    '- At least 3 years of experience building web applications.',
    '- Knowledge of Frappe Framework; experience with Python and JavaScript.',
    'How to apply',
    `Send your CV to careers@${organization.split(' ')[0]!.toLowerCase()}.example by 30 March 2026.`,
  ].join('\n');
}

// Three "Software Developer" adverts make that canonical title established; two adverts with the
// misspelling "Sofware Developer" recur but have no established title of their own. Every advert
// requires "Frappe Framework", which the shipped skill taxonomy does not contain.
describeEachStore('learn and optimize', (getStore) => {
  const titleOf = (index: number) => (index < 3 ? 'Software Developer' : 'Sofware Developer');

  const readTitles = async (db: Store['db']) => {
    const rows = await sql<{ title_raw: string; canonical: string | null; title_family: string | null }>`
      select p.title_raw, t.canonical, p.title_family from job_post p left join title_norm t on t.id = p.title_norm_id order by p.id
    `.execute(db);
    return rows.rows;
  };

  it('process runs on the sample postings', async () => {
    const { store } = getStore();
    for (const [index, organization] of ORGANIZATIONS.entries()) {
      await store.db
        .insertInto('job_post')
        .values({
          source: 'example.org',
          url: `https://example.org/jobs/${index}`,
          url_hash: `hash-${index}`,
          title_raw: `${titleOf(index)} at ${organization}`,
          description_raw: describePosting(titleOf(index), organization, index),
          first_seen: `2026-03-0${index + 1}T08:00:00Z`,
        })
        .execute();
    }

    const report = await runProcess(createContext(store), { batchSize: 10 });
    expect(report.details.accepted).toBe(5);
    const titles = await readTitles(store.db);
    expect(titles.slice(3).map((row) => row.canonical)).toEqual(['sofware developer', 'sofware developer']);
  });

  it('learn proposes the alias and the skill', async () => {
    const { store } = getStore();
    const report = await runLearn(createContext(store), { isAutoAccept: false });

    expect(report.status).toBe('succeeded');
    expect(report.counts.titleAliases).toBe(1);
    const patterns = await listLearnedPatterns(store.db, { kinds: ['title_alias', 'skill'], limit: 100 });
    expect(patterns.find((pattern) => pattern.kind === 'title_alias')).toMatchObject({
      key: 'sofware developer',
      value: { canonical: 'software developer', isNewCanonical: false },
      support: 2,
      status: 'proposed',
    });
    expect(patterns.find((pattern) => pattern.key === 'frappe framework')).toMatchObject({ kind: 'skill', support: 5, confidence: 1 });
  });

  it('learn rerun keeps patterns and ids', async () => {
    const { store } = getStore();
    const before = await listLearnedPatterns(store.db, { limit: 1000 });
    await runLearn(createContext(store), { isAutoAccept: false });
    const after = await listLearnedPatterns(store.db, { limit: 1000 });
    expect(after.map((pattern) => [pattern.id, pattern.kind, pattern.key, pattern.support])).toEqual(before.map((pattern) => [pattern.id, pattern.kind, pattern.key, pattern.support]));
  });

  it('accept rejects unknown ids', async () => {
    await expect(acceptPatterns(createContext(getStore().store), ['999999'])).rejects.toThrow('learned pattern id not found: 999999');
  });

  it('accepted alias and skill change the next process run', async () => {
    const { store } = getStore();
    const proposals = await listLearnedPatterns(store.db, { kinds: ['title_alias', 'skill'], limit: 100 });
    const ids = proposals.filter((pattern) => pattern.key === 'sofware developer' || pattern.key === 'frappe framework').map((pattern) => pattern.id);
    await acceptPatterns(createContext(store), ids);

    expect(await findAcceptedTitleAliases(store.db)).toEqual(new Map([['sofware developer', { family: 'technology', canonical: 'software developer' }]]));
    expect(await findAcceptedSkills(store.db)).toEqual([{ name: 'frappe framework', aliases: [] }]);

    await runProcess(createContext(store), { batchSize: 10, isReprocess: true });
    const titles = await readTitles(store.db);
    expect(titles.map((row) => row.canonical)).toEqual(Array(5).fill('software developer'));
    expect(titles.map((row) => row.title_family)).toEqual(Array(5).fill('technology'));

    const skilled = await sql<{ postings: string }>`
      select count(*) as postings from job_skill js join skill s on s.id = js.skill_id where s.name = 'frappe framework'
    `.execute(store.db);
    expect(Number(skilled.rows[0]?.postings)).toBe(5);
  });

  it('optimize skips below the learning threshold', async () => {
    const report = await runOptimize(createContext(getStore().store), { isForced: false });
    expect(report.status).toBe('skipped');
    expect(report.reason).toContain('below WORKFLOW_LEARNING_THRESHOLD=100');
  });

  it('optimize --force trains and records', async () => {
    const { store } = getStore();
    const report = await runOptimize(createContext(store), { isForced: true });

    expect(report.status).toBe('succeeded');
    // Five distinct raw titles (each names its employer), all placed by the strong cue "developer".
    expect(report.details.classifier?.confidentTitles).toBe(5);
    expect(report.details.analyzedTables).toContain('job_post');
    const logged = await store.db.selectFrom('processing_log').select('details').where('stage', '=', 'optimize').execute();
    expect(logged).toHaveLength(1);

    const rerun = await runOptimize(createContext(store), { isForced: false });
    expect(rerun.details.processedSinceLastRun).toBe(0);
  });
});
