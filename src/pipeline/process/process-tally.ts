/**
 * Counts what a `nextke process` run did: postings saved, rejects by reason, duplicates, mean
 * quality and how often each field was filled, plus where the time went.
 */
import type { ProcessedPosting } from './to-processed-posting.js';

/** Share of accepted (non-rejected) postings with each field filled, 0–100. */
export type FieldsFilledPercent = {
  salary: number;
  county: number;
  employmentType: number;
  education: number;
  experience: number;
  skills: number;
};

// Type aliases rather than interfaces, so a report carrying them fits StageReport<Record<string, unknown>>.
export type ProcessSummary = {
  processed: number;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  duplicates: number;
  /** Postings claimed by this run but taken over by another worker after the lease expired; not written by this run. */
  lostClaims: number;
  /** Mean quality score of accepted postings, 0–1; null when there were none. */
  meanQuality: number | null;
  fieldsFilledPercent: FieldsFilledPercent;
  seconds: number;
  postingsPerSecond: number;
  /** Time spent extracting and normalizing, in ms. */
  normalizeMs: number;
  /** Time spent claiming and saving, in ms. */
  databaseMs: number;
};

type FilledField = keyof FieldsFilledPercent;

const FILLED_FIELDS: ReadonlyArray<[FilledField, (posting: ProcessedPosting) => boolean]> = [
  ['salary', (posting) => posting.columns.salaryMin !== null || posting.columns.salaryMax !== null],
  ['county', (posting) => posting.location?.region != null],
  ['employmentType', (posting) => posting.columns.employmentType !== null],
  ['education', (posting) => posting.columns.education !== null],
  ['experience', (posting) => posting.columns.experienceYears !== null],
  ['skills', (posting) => posting.skills.length > 0],
];

export class ProcessTally {
  #processed = 0;
  #accepted = 0;
  #duplicates = 0;
  #lostClaims = 0;
  #qualitySum = 0;
  readonly #rejectedByReason = new Map<string, number>();
  readonly #filled = new Map<FilledField, number>();

  normalizeMs = 0;
  databaseMs = 0;

  get processed(): number {
    return this.#processed;
  }

  /** Adds the postings one batch saved, with how many of them were linked as duplicates. */
  addSaved(postings: readonly ProcessedPosting[], duplicates: number): void {
    for (const posting of postings) {
      this.#processed++;
      const reason = posting.columns.rejectReason;
      if (reason !== null) {
        this.#rejectedByReason.set(reason, (this.#rejectedByReason.get(reason) ?? 0) + 1);
        continue;
      }

      this.#accepted++;
      this.#qualitySum += posting.columns.qualityScore;
      for (const [field, isFilled] of FILLED_FIELDS) {
        if (isFilled(posting)) {
          this.#filled.set(field, (this.#filled.get(field) ?? 0) + 1);
        }
      }
    }
    this.#duplicates += duplicates;
  }

  /** Returns the counts shown beside the progress bar. */
  progressCounts(): Record<string, number> {
    return { rejected: this.#processed - this.#accepted, duplicates: this.#duplicates };
  }

  addLostClaims(count: number): void {
    this.#lostClaims += count;
  }

  /** Summarizes the run so far; `elapsedMs` is the wall time of the whole run. */
  summarize(elapsedMs: number): ProcessSummary {
    const percent = (count: number) => (this.#accepted === 0 ? 0 : round((count * 100) / this.#accepted, 1));
    const seconds = elapsedMs / 1000;

    return {
      processed: this.#processed,
      accepted: this.#accepted,
      rejected: this.#processed - this.#accepted,
      rejectedByReason: Object.fromEntries([...this.#rejectedByReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      duplicates: this.#duplicates,
      lostClaims: this.#lostClaims,
      meanQuality: this.#accepted === 0 ? null : round(this.#qualitySum / this.#accepted, 3),
      fieldsFilledPercent: {
        salary: percent(this.#filled.get('salary') ?? 0),
        county: percent(this.#filled.get('county') ?? 0),
        employmentType: percent(this.#filled.get('employmentType') ?? 0),
        education: percent(this.#filled.get('education') ?? 0),
        experience: percent(this.#filled.get('experience') ?? 0),
        skills: percent(this.#filled.get('skills') ?? 0),
      },
      seconds: round(seconds, 2),
      postingsPerSecond: seconds > 0 ? Math.round(this.#processed / seconds) : 0,
      normalizeMs: Math.round(this.normalizeMs),
      databaseMs: Math.round(this.databaseMs),
    };
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
