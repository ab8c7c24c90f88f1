/**
 * Saves one batch of processed postings in one transaction: reference rows, the postings' normalized
 * columns and duplicate links, their skills, their dedupe signatures, and a processing_log entry.
 * Only postings still claimed by the worker are written.
 */
import type { Kysely } from 'kysely';

import { lockHeldClaims } from '../../db/queries/posting-claims.js';
import { deleteSignatures, findPostingsByBandKeys, findSignatures, insertSignatures, linkDuplicates, lockDedupeGroups, repointDuplicateLinks } from '../../db/queries/posting-minhash.js';
import { insertProcessingLogEntry } from '../../db/queries/processing-log-entries.js';
import { replaceJobSkills, writeProcessedPostings, type JobSkillLink, type ProcessedPostingColumns } from '../../db/queries/processed-postings.js';
import { ensureLocations, ensureOrganizations, ensureSkills, ensureTitleNorms } from '../../db/queries/reference-rows.js';
import type { Database } from '../../db/schema.js';
import { findDuplicateLinks, type DedupeMember, type DuplicateLink } from './find-duplicate-links.js';
import type { ProcessedPosting } from './to-processed-posting.js';

export interface SavedBatch {
  /** The postings written; postings another worker took over are left out. */
  saved: ProcessedPosting[];
  /** How many of the saved postings now point at an earlier duplicate. */
  duplicates: number;
}

/** Writes a batch in one transaction; see the file comment. Throws what the database throws, with nothing written. */
export async function saveProcessedBatch(db: Kysely<Database>, workerId: string, postings: readonly ProcessedPosting[]): Promise<SavedBatch> {
  return db.transaction().execute(async (trx) => {
    // Group locks come first, before any row lock, so that two workers always wait in the same order.
    await lockDedupeGroups(
      trx,
      postings.flatMap((posting) => (posting.dedupe ? [posting.dedupe.groupKey] : [])),
    );

    const heldIds = await lockHeldClaims(
      trx,
      workerId,
      postings.map((posting) => posting.id),
    );
    const saved = postings.filter((posting) => heldIds.has(posting.id));
    if (saved.length === 0) {
      return { saved, duplicates: 0 };
    }

    // Links are found before the postings are written, so each posting is updated once, link included.
    const dedupe = await findBatchDuplicates(trx, saved);
    const columns = await resolveReferenceIds(trx, saved, dedupe.duplicateOf);
    const writtenIds = await writeProcessedPostings(trx, workerId, columns);
    await linkDuplicates(
      trx,
      dedupe.links.filter((link) => !writtenIds.has(link.jobId)),
    );
    await repointDuplicateLinks(trx, dedupe.links);
    await insertSignatures(trx, dedupe.signatures);

    await replaceJobSkills(trx, [...writtenIds], await resolveSkillLinks(trx, saved));
    await insertProcessingLogEntry(trx, {
      stage: 'process',
      message: 'batch saved',
      details: { workerId, count: saved.length, ids: saved.map((posting) => posting.id) },
    });
    return { saved, duplicates: dedupe.duplicateCount };
  });
}

async function resolveReferenceIds(
  db: Kysely<Database>,
  postings: readonly ProcessedPosting[],
  duplicateOf: ReadonlyMap<string, string | null>,
): Promise<ProcessedPostingColumns[]> {
  const organizationIds = await ensureOrganizations(db, postings.flatMap((posting) => (posting.organization ? [posting.organization] : [])));
  const locationIds = await ensureLocations(db, postings.flatMap((posting) => (posting.location ? [posting.location] : [])));
  const titleIds = await ensureTitleNorms(db, postings.flatMap((posting) => (posting.title ? [posting.title] : [])));

  return postings.map((posting) => ({
    ...posting.columns,
    id: posting.id,
    orgId: posting.organization ? (organizationIds.get(posting.organization.nameKey) ?? null) : null,
    locationId: posting.location ? (locationIds.get(posting.location.locationKey) ?? null) : null,
    titleNormId: posting.title ? (titleIds.get(posting.title.canonical) ?? null) : null,
    duplicateOf: duplicateOf.get(posting.id) ?? null,
  }));
}

async function resolveSkillLinks(db: Kysely<Database>, postings: readonly ProcessedPosting[]): Promise<JobSkillLink[]> {
  const skillIds = await ensureSkills(db, postings.flatMap((posting) => posting.skills));

  const links: JobSkillLink[] = [];
  for (const posting of postings) {
    for (const skill of posting.skills) {
      const skillId = skillIds.get(skill.name);
      if (skillId !== undefined) {
        links.push({ jobId: posting.id, skillId, confidence: skill.confidence });
      }
    }
  }
  return links;
}

interface BatchDuplicates {
  /** The link of every saved posting that has one; the others get null. */
  duplicateOf: Map<string, string | null>;
  /** Every changed link, of saved and of stored postings. */
  links: DuplicateLink[];
  /** Signatures to store: only the earliest posting of each duplicate set keeps band keys. */
  signatures: Array<{ jobId: string; groupKey: string; signature: Uint32Array; bandKeys: string[] }>;
  duplicateCount: number;
}

/**
 * Finds the duplicate links of the saved postings and of the stored postings they affect. Only the
 * earliest posting of each duplicate set keeps band keys: a later copy is found through the
 * earliest one, so the band-key index stays one entry per distinct advert and band however often
 * an advert is reposted. Deletes the saved postings' old signatures on the way.
 */
async function findBatchDuplicates(db: Kysely<Database>, saved: readonly ProcessedPosting[]): Promise<BatchDuplicates> {
  // Reprocessed postings drop their old signatures first; a posting that became a reject keeps none.
  // NOTE: postings that pointed at a posting which is now a reject, or whose text changed so much
  // that it no longer matches them, keep their link until they are reprocessed themselves.
  const savedIds = new Set(saved.map((posting) => posting.id));
  await deleteSignatures(db, [...savedIds]);

  const batch: DedupeMember[] = saved.flatMap((posting) =>
    posting.dedupe
      ? [{ jobId: posting.id, groupKey: posting.dedupe.groupKey, signature: posting.dedupe.signature, bandKeys: posting.dedupe.bandKeys, firstSeen: posting.firstSeen, duplicateOf: null }]
      : [],
  );
  const stored = await findStoredCandidates(db, batch, savedIds);
  const links = findDuplicateLinks(batch, stored);

  const duplicateOf = new Map<string, string | null>();
  for (const link of links) {
    if (savedIds.has(link.jobId)) {
      duplicateOf.set(link.jobId, link.duplicateOf);
    }
  }
  const batchIds = new Set(batch.map((member) => member.jobId));
  const duplicateIds = new Set(links.filter((link) => link.duplicateOf !== null && batchIds.has(link.jobId)).map((link) => link.jobId));
  const signatures = saved.flatMap((posting) =>
    posting.dedupe && !duplicateIds.has(posting.id)
      ? [{ jobId: posting.id, groupKey: posting.dedupe.groupKey, signature: posting.dedupe.signature, bandKeys: posting.dedupe.bandKeys }]
      : [],
  );
  return { duplicateOf, links, signatures, duplicateCount: duplicateIds.size };
}

/**
 * Loads the stored postings sharing a band key with the batch, and the postings they link to. A
 * saved posting among them counts as unlinked, because its row is about to be rewritten.
 */
async function findStoredCandidates(db: Kysely<Database>, batch: readonly DedupeMember[], savedIds: ReadonlySet<string>): Promise<DedupeMember[]> {
  const bandKeys = [...new Set(batch.flatMap((member) => member.bandKeys))];
  const matches = await findPostingsByBandKeys(db, bandKeys);
  if (matches.length === 0) {
    return [];
  }

  const bandKeysById = new Map<string, string[]>();
  for (const match of matches) {
    const keys = bandKeysById.get(match.jobId) ?? [];
    keys.push(match.bandKey);
    bandKeysById.set(match.jobId, keys);
  }

  const candidates = await findSignatures(db, [...bandKeysById.keys()]);
  const targetIds = candidates.flatMap((candidate) => (candidate.duplicateOf !== null && !bandKeysById.has(candidate.duplicateOf) ? [candidate.duplicateOf] : []));
  const targets = await findSignatures(db, [...new Set(targetIds)]);

  return [...candidates, ...targets].map((entry) => ({
    ...entry,
    duplicateOf: savedIds.has(entry.jobId) ? null : entry.duplicateOf,
    bandKeys: bandKeysById.get(entry.jobId) ?? [],
  }));
}
