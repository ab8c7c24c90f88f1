/** Options of one `runMigrate` call, already validated by the caller (the CLI or the workflow). */
export interface MigrateOptions {
  /** The legacy SQLite file. */
  fromPath: string;
  /** The legacy table; checked as an SQL identifier before use. */
  table: string;
  /** Legacy rows per transaction; each committed batch moves the checkpoint. */
  batchSize: number;
  /** Read and validate everything, write nothing (no rows, no checkpoint, no rejects file). */
  isDryRun: boolean;
  /** JSON-lines file that receives every rejected row; created only when there is one. */
  rejectsPath: string;
  /** The run ends `partial` (exit code 3) when rejected rows exceed this share of rows read. */
  maxRejectRatio: number;
  /** Ignore the checkpoint and read the table from its first row again; rows already present stay. */
  shouldRestart: boolean;
}

// On PostgreSQL two batches are in memory at once as COPY text, the one being copied and the one
// read ahead. At 2,000 rows of about 3.6 kB each that is near 15 MB, and the 51 commits per
// 102,170 rows cost well under a second. In bench/migrate.bench.ts, 5,000-row batches were no
// faster and took about 60 MB more.
export const DEFAULT_BATCH_SIZE = 2_000;

// Real legacy exports reject well under 1% (599 of the 600 sample rows are valid). Five percent
// leaves room for a messy file yet still flags a wrong table or a broken export.
export const DEFAULT_MAX_REJECT_RATIO = 0.05;

export const DEFAULT_REJECTS_PATH = 'migrate-rejects.jsonl';
