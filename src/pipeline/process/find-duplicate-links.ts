/**
 * Decides which postings are near-duplicates of which, from MinHash signatures and LSH band
 * keys. Two postings are duplicates when they share a band key, have the same dedupe group
 * (organization and normalized title) and an estimated Jaccard similarity of their descriptions
 * at or above the threshold. Every posting of a connected set of duplicates then points at the
 * earliest one: lowest first_seen, then lowest id.
 */
import { estimateJaccard } from '../../normalize/duplicate-key.js';
import { compareIds } from '../../db/queries/posting-claims.js';

/**
 * Descriptions of the same advert on two boards differ by board furniture and small edits; 0.75
 * keeps those together while different adverts of one employer for one title (another intake,
 * another county) usually share far less text. With 16 bands of 8 rows, a pair at 0.75 shares a
 * band with probability about 0.8, and pairs at 0.9 or more almost always do.
 */
export const DUPLICATE_JACCARD_THRESHOLD = 0.75;

export interface DedupeMember {
  jobId: string;
  groupKey: string;
  /** Null for a stored posting whose signature is gone; it can be a target but is never compared. */
  signature: Uint32Array | null;
  bandKeys: readonly string[];
  firstSeen: Date;
  /** The stored link; for postings of the current batch always null. */
  duplicateOf: string | null;
}

export interface DuplicateLink {
  jobId: string;
  /** The earliest posting of its duplicate set, or null when the posting is that earliest one. */
  duplicateOf: string | null;
}

/**
 * Returns the links to write for the postings of a batch and for stored postings whose link
 * changes because of it. `stored` contains the postings found through shared band keys, plus the
 * targets of their stored links. A batch posting with no duplicate gets no entry.
 */
export function findDuplicateLinks(
  batch: readonly DedupeMember[],
  stored: readonly DedupeMember[],
  threshold = DUPLICATE_JACCARD_THRESHOLD,
): DuplicateLink[] {
  const members = new Map<string, DedupeMember>();
  for (const member of [...stored, ...batch]) {
    members.set(member.jobId, member);
  }
  const sets = new DisjointSets();

  // Stored links were confirmed when they were written.
  for (const member of stored) {
    if (member.duplicateOf !== null && members.has(member.duplicateOf)) {
      sets.union(member.jobId, member.duplicateOf);
    }
  }

  const byBandKey = indexByBandKey(members.values());
  for (const member of batch) {
    for (const other of findConfirmedDuplicates(member, byBandKey, threshold)) {
      sets.union(member.jobId, other.jobId);
    }
  }

  return buildLinks(batch, members, sets);
}

function indexByBandKey(members: Iterable<DedupeMember>): Map<string, DedupeMember[]> {
  const byBandKey = new Map<string, DedupeMember[]>();
  for (const member of members) {
    for (const bandKey of member.bandKeys) {
      const bucket = byBandKey.get(bandKey);
      if (bucket) {
        bucket.push(member);
      } else {
        byBandKey.set(bandKey, [member]);
      }
    }
  }
  return byBandKey;
}

function findConfirmedDuplicates(member: DedupeMember, byBandKey: Map<string, DedupeMember[]>, threshold: number): DedupeMember[] {
  const checked = new Set<string>([member.jobId]);
  const confirmed: DedupeMember[] = [];

  for (const bandKey of member.bandKeys) {
    for (const other of byBandKey.get(bandKey) ?? []) {
      if (checked.has(other.jobId)) {
        continue;
      }
      checked.add(other.jobId);

      if (isConfirmedDuplicate(member, other, threshold)) {
        confirmed.push(other);
      }
    }
  }
  return confirmed;
}

function isConfirmedDuplicate(a: DedupeMember, b: DedupeMember, threshold: number): boolean {
  if (a.groupKey !== b.groupKey || a.signature === null || b.signature === null) {
    return false;
  }
  return estimateJaccard(a.signature, b.signature) >= threshold;
}

/** Links every member of each set that touches the batch to the set's earliest member. */
function buildLinks(batch: readonly DedupeMember[], members: Map<string, DedupeMember>, sets: DisjointSets): DuplicateLink[] {
  const batchRoots = new Set(batch.map((member) => sets.find(member.jobId)));
  const earliestBySet = new Map<string, DedupeMember>();
  for (const member of members.values()) {
    const setId = sets.find(member.jobId);
    const earliest = earliestBySet.get(setId);
    if (batchRoots.has(setId) && (earliest === undefined || isEarlier(member, earliest))) {
      earliestBySet.set(setId, member);
    }
  }

  const links: DuplicateLink[] = [];
  for (const member of members.values()) {
    const earliest = earliestBySet.get(sets.find(member.jobId));
    if (earliest === undefined) {
      continue;
    }
    const duplicateOf = earliest.jobId === member.jobId ? null : earliest.jobId;
    if (duplicateOf !== member.duplicateOf) {
      links.push({ jobId: member.jobId, duplicateOf });
    }
  }
  return links.sort((a, b) => compareIds(a.jobId, b.jobId));
}

function isEarlier(a: DedupeMember, b: DedupeMember): boolean {
  const difference = a.firstSeen.getTime() - b.firstSeen.getTime();
  return difference < 0 || (difference === 0 && compareIds(a.jobId, b.jobId) < 0);
}

/** Union-find over string ids, with path halving. */
class DisjointSets {
  readonly #parent = new Map<string, string>();

  find(id: string): string {
    let current = id;
    let parent = this.#parent.get(current);
    while (parent !== undefined && parent !== current) {
      const grandparent = this.#parent.get(parent) ?? parent;
      this.#parent.set(current, grandparent);
      current = grandparent;
      parent = this.#parent.get(current);
    }
    return current;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) {
      this.#parent.set(rootA, rootB);
    }
  }
}
