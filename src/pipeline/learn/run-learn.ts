import type { Kysely } from 'kysely';

import { findSkillNames, findTitleFamilyGroups } from '../../db/queries/learn-sources.js';
import {
  acceptPatternsAbove,
  findAcceptedSkills,
  findLearnedPatternValue,
  SKILL_KIND,
  TITLE_ALIAS_KIND,
  TITLE_CLASSIFIER_KEY,
  TITLE_CLASSIFIER_KIND,
  upsertLearnedPatterns,
  type LearnedPatternInput,
} from '../../db/queries/learned-patterns.js';
import { insertProcessingLogEntry } from '../../db/queries/processing-log-entries.js';
import type { Database } from '../../db/schema.js';
import type { Context } from '../context.js';
import { refreshChangedMetrics } from '../insights/refresh-metrics.js';
import { parseTitleClassifierModel, predictTitleFamily, type TitlePrediction } from '../optimize/title-classifier.js';
import type { StageReport } from '../run-report.js';
import { AUTO_ACCEPT_THRESHOLDS } from './auto-accept-thresholds.js';
import { deriveEmployerActivity, deriveFamilyTrends, deriveSalaryPatterns } from './derive-market-patterns.js';
import { deriveSkillCandidates } from './derive-skill-candidates.js';
import { deriveTitleAliases } from './derive-title-aliases.js';

export interface LearnOptions {
  /** Accept proposals above AUTO_ACCEPT_THRESHOLDS after deriving them. */
  isAutoAccept: boolean;
}

export interface LearnDetails {
  postingsScanned: number;
  autoAccepted: Record<string, number>;
}

// Rows per INSERT: 7 parameters each stays far below PostgreSQL's 65,535-parameter limit.
const UPSERT_CHUNK_ROWS = 1_000;

/**
 * Runs the learn stage: derives title aliases, skill candidates, salary, employer and family-trend
 * patterns from unique processed postings and upserts them into learned_pattern (idempotent: a
 * rerun refreshes support, confidence and last_seen, and keeps accepted patterns accepted). With
 * `isAutoAccept`, accepts title aliases and skills above the documented thresholds. Returns
 * status interrupted, having stored what it derived, when the signal aborts during the skill scan.
 */
export async function runLearn(ctx: Context, options: LearnOptions): Promise<StageReport<LearnDetails>> {
  const startedMs = performance.now();
  const db = ctx.store.db;

  // Family trends read metrics_daily, which insights otherwise refreshes only after learn.
  await refreshChangedMetrics(db, { isFull: false, signal: ctx.signal });

  const classify = await loadClassifier(db);
  const titleProposals = deriveTitleAliases(await findTitleFamilyGroups(db), { classify });
  const knownNames = new Set([...(await findSkillNames(db)), ...(await findAcceptedSkills(db)).map((skill) => skill.name)]);
  const skills = await deriveSkillCandidates(db, { knownNames, signal: ctx.signal });

  const titlePatterns: LearnedPatternInput[] = titleProposals.map((proposal) => ({
    kind: TITLE_ALIAS_KIND,
    key: proposal.key,
    value: {
      family: proposal.family,
      canonical: proposal.canonical,
      isNewCanonical: proposal.isNewCanonical,
      familySource: proposal.familySource,
      similarTo: proposal.similarTo,
      organizations: proposal.organizations,
      exampleTitle: proposal.exampleTitle,
    },
    support: proposal.support,
    confidence: proposal.confidence,
    exampleIds: proposal.exampleIds,
  }));
  const skillPatterns: LearnedPatternInput[] = skills.candidates.map((candidate) => ({
    kind: SKILL_KIND,
    key: candidate.name,
    value: { name: candidate.name, aliases: [], organizations: candidate.organizations },
    support: candidate.postings,
    confidence: candidate.confidence,
    exampleIds: candidate.exampleIds,
  }));
  const salaryPatterns = await deriveSalaryPatterns(db);
  const employerPatterns = await deriveEmployerActivity(db);
  const trendPatterns = await deriveFamilyTrends(db);

  const all = [...titlePatterns, ...skillPatterns, ...salaryPatterns, ...employerPatterns, ...trendPatterns];
  for (let start = 0; start < all.length; start += UPSERT_CHUNK_ROWS) {
    await upsertLearnedPatterns(db, all.slice(start, start + UPSERT_CHUNK_ROWS));
  }

  const autoAccepted: Record<string, number> = {};
  if (options.isAutoAccept) {
    for (const [kind, threshold] of Object.entries(AUTO_ACCEPT_THRESHOLDS)) {
      autoAccepted[kind] = await acceptPatternsAbove(db, kind, threshold);
    }
  }

  const counts = {
    titleAliases: titlePatterns.filter((pattern) => pattern.value.isNewCanonical === false).length,
    newTitles: titlePatterns.filter((pattern) => pattern.value.isNewCanonical === true).length,
    skillCandidates: skillPatterns.length,
    salaryPatterns: salaryPatterns.length,
    employers: employerPatterns.length,
    familyTrends: trendPatterns.length,
    autoAccepted: Object.values(autoAccepted).reduce((sum, count) => sum + count, 0),
    postingsScanned: skills.postingsScanned,
  };
  await insertProcessingLogEntry(db, { stage: 'learn', message: 'patterns derived', details: { ...counts, isComplete: skills.isComplete } });
  ctx.log.info('patterns derived', counts);

  return {
    stage: 'learn',
    status: skills.isComplete ? 'succeeded' : 'interrupted',
    counts,
    durationMs: Math.round(performance.now() - startedMs),
    errorGroups: [],
    details: { postingsScanned: skills.postingsScanned, autoAccepted },
  };
}

/** Loads the title classifier that `nextke optimize` stored, as a predict function; undefined before the first optimize. */
async function loadClassifier(db: Kysely<Database>): Promise<((title: string) => TitlePrediction | null) | undefined> {
  const model = parseTitleClassifierModel(await findLearnedPatternValue(db, TITLE_CLASSIFIER_KIND, TITLE_CLASSIFIER_KEY));
  return model === null ? undefined : (title) => predictTitleFamily(model, title);
}
