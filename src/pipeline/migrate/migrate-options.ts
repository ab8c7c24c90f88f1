/** What `runMigrate` needs to know, already validated by the caller (the CLI or the workflow). */
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

// 5,000 rows of about 3.6 kB each keep a batch near 20 MB in memory and 10-20 commits per
// 100,000 rows; larger batches gained nothing measurable in bench/migrate.bench.ts.
export const DEFAULT_BATCH_SIZE = 5_000;

// Real legacy exports reject well under 1% (600 of 600 sample rows are valid). Five percent
// leaves room for a messy file yet still flags a wrong table or a broken export.
export const DEFAULT_MAX_REJECT_RATIO = 0.05;

export const DEFAULT_REJECTS_PATH = 'migrate-rejects.jsonl';
