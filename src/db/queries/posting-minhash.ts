/**
 * MinHash signatures and LSH band keys of processed postings, and the duplicate links they lead
 * to. Postings that share a band key are candidate duplicates, which the process stage confirms.
 */
import { sql, type Kysely } from 'kysely';

import type { Database } from '../schema.js';

export interface PostingSignature {
  jobId: string;
  /** Organization key and normalized title the posting is grouped under. */
  groupKey: string;
  signature: Uint32Array;
  bandKeys: readonly string[];
}

/** A stored signature with the posting fields the choice of the earliest posting needs. */
export interface StoredSignature {
  jobId: string;
  /** Empty when the posting has no stored signature. */
  groupKey: string;
  signature: Uint32Array | null;
  firstSeen: Date;
  duplicateOf: string | null;
}

// Two-key advisory locks with this first key are the dedupe groups' locks. The number only has to
// differ from the first key of the other two-key advisory locks nextke takes (the workflow uses 0x6e6b).
const DEDUPE_LOCK_CLASS = 7301;

/**
 * Takes a transaction-scoped advisory lock on each dedupe group, in sorted order, so that two
 * workers never link the duplicates of one group at the same time. PGlite grants advisory locks
 * without blocking, which is safe there because it runs one transaction at a time anyway.
 */
export async function lockDedupeGroups(db: Kysely<Database>, groupKeys: readonly string[]): Promise<void> {
  const keys = [...new Set(groupKeys)].sort();
  if (keys.length === 0) {
    return;
  }

  await sql`
    select pg_advisory_xact_lock(${DEDUPE_LOCK_CLASS}, hashed.key)
    from (select distinct hashtext(group_key) as key from unnest(${keys}::text[]) as g(group_key)) as hashed
    order by hashed.key
  `.execute(db);
}

/** Deletes the signatures and band keys of the given postings (before reprocessing, or when a posting became a reject). */
export async function deleteSignatures(db: Kysely<Database>, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) {
    return;
  }

  await sql`delete from job_post_lsh where job_id = any(${[...jobIds]}::bigint[])`.execute(db);
  await sql`delete from job_post_minhash where job_id = any(${[...jobIds]}::bigint[])`.execute(db);
}

/** Inserts signatures and band keys; the postings must have none stored (call deleteSignatures first). */
export async function insertSignatures(db: Kysely<Database>, signatures: readonly PostingSignature[]): Promise<void> {
  if (signatures.length === 0) {
    return;
  }

  await sql`
    insert into job_post_minhash (job_id, group_key, signature)
    select * from unnest(
      ${signatures.map((entry) => entry.jobId)}::bigint[],
      ${signatures.map((entry) => entry.groupKey)}::text[],
      ${signatures.map((entry) => encodeSignature(entry.signature))}::bytea[]
    )
  `.execute(db);

  const bandJobIds: string[] = [];
  const bandKeys: string[] = [];
  for (const entry of signatures) {
    for (const bandKey of new Set(entry.bandKeys)) {
      bandJobIds.push(entry.jobId);
      bandKeys.push(bandKey);
    }
  }
  await sql`
    insert into job_post_lsh (band_key, job_id)
    select * from unnest(${bandKeys}::text[], ${bandJobIds}::bigint[])
  `.execute(db);
}

/** Returns the postings that have any of the given band keys, one entry per posting and key. */
export async function findPostingsByBandKeys(db: Kysely<Database>, bandKeys: readonly string[]): Promise<Array<{ jobId: string; bandKey: string }>> {
  if (bandKeys.length === 0) {
    return [];
  }

  const result = await sql<{ job_id: string; band_key: string }>`
    select job_id, band_key from job_post_lsh where band_key = any(${[...bandKeys]}::text[])
  `.execute(db);
  return result.rows.map((row) => ({ jobId: String(row.job_id), bandKey: row.band_key }));
}

/**
 * Loads the postings' stored signatures with first_seen and duplicate_of. A posting without a
 * stored signature comes back with `signature` null; unknown ids are left out.
 */
export async function findSignatures(db: Kysely<Database>, jobIds: readonly string[]): Promise<StoredSignature[]> {
  if (jobIds.length === 0) {
    return [];
  }

  const result = await sql<{ id: string; group_key: string | null; signature: Uint8Array | null; first_seen: Date | string; duplicate_of: string | null }>`
    select p.id, m.group_key, m.signature, p.first_seen, p.duplicate_of
    from job_post as p
    left join job_post_minhash as m on m.job_id = p.id
    where p.id = any(${[...jobIds]}::bigint[])
  `.execute(db);

  return result.rows.map((row) => ({
    jobId: String(row.id),
    groupKey: row.group_key ?? '',
    signature: row.signature === null ? null : decodeSignature(row.signature),
    firstSeen: new Date(row.first_seen),
    duplicateOf: row.duplicate_of === null ? null : String(row.duplicate_of),
  }));
}

/** Points each posting at its earliest duplicate (`duplicateOf` null for the earliest itself); unchanged rows are left alone. */
export async function linkDuplicates(db: Kysely<Database>, links: ReadonlyArray<{ jobId: string; duplicateOf: string | null }>): Promise<void> {
  if (links.length === 0) {
    return;
  }

  const ids = links.map((link) => link.jobId);
  const targets = links.map((link) => link.duplicateOf);
  await sql`
    update job_post as j set duplicate_of = v.duplicate_of
    from unnest(${ids}::bigint[], ${targets}::bigint[]) as v(id, duplicate_of)
    where j.id = v.id and j.duplicate_of is distinct from v.duplicate_of
  `.execute(db);
}

/**
 * Repoints postings that point at a posting which itself now points at an earlier one, so every
 * link goes straight to the earliest copy. Run after the links themselves are written.
 */
export async function repointDuplicateLinks(db: Kysely<Database>, links: ReadonlyArray<{ jobId: string; duplicateOf: string | null }>): Promise<void> {
  const moved = links.filter((link) => link.duplicateOf !== null);
  if (moved.length === 0) {
    return;
  }

  // A join on duplicate_of lets the planner pick a hash join over a scan of all of job_post, about
  // 0.15 s a batch at 100,000 postings (PostgreSQL 15), although the moved postings rarely have
  // dependents. The lateral subquery, kept apart by `offset 0`, probes the duplicate_of index once
  // per moved posting instead, so the cost follows the batch and not the table.
  const dependents = await sql<{ id: string; duplicate_of: string }>`
    select dependent.id, v.duplicate_of
    from unnest(${moved.map((link) => link.jobId)}::bigint[], ${moved.map((link) => link.duplicateOf)}::bigint[]) as v(id, duplicate_of)
    cross join lateral (
      select id from job_post where duplicate_of = v.id and id <> v.duplicate_of offset 0
    ) as dependent
  `.execute(db);

  await linkDuplicates(
    db,
    dependents.rows.map((row) => ({ jobId: String(row.id), duplicateOf: String(row.duplicate_of) })),
  );
}

/** Encodes a signature as little-endian unsigned 32-bit words. */
export function encodeSignature(signature: Uint32Array): Buffer {
  const buffer = Buffer.alloc(signature.length * 4);
  signature.forEach((value, index) => buffer.writeUInt32LE(value >>> 0, index * 4));
  return buffer;
}

/** Decodes what encodeSignature wrote; accepts pg's Buffer and PGlite's Uint8Array. */
export function decodeSignature(bytes: Uint8Array): Uint32Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(Math.floor(buffer.length / 4));
  for (let index = 0; index < signature.length; index++) {
    signature[index] = buffer.readUInt32LE(index * 4);
  }
  return signature;
}
