import { sql, type Kysely } from 'kysely';

// Near-duplicate detection for `nextke process`: each processed posting keeps its MinHash
// signature and its LSH band keys. Two postings that share a band key are candidate duplicates;
// the process stage confirms a candidate by the estimated Jaccard similarity of the signatures.
// Band keys already include a hash of the organization key and the normalized title, so only
// postings of the same employer and title ever become candidates.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_post_minhash')
    .addColumn('job_id', 'bigint', (col) => col.primaryKey().references('job_post.id').onDelete('cascade'))
    // Organization key and normalized title the posting was grouped under, to confirm a band-key match.
    .addColumn('group_key', 'text', (col) => col.notNull())
    // Unsigned 32-bit hash minima, little-endian, 4 bytes each.
    .addColumn('signature', 'bytea', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('job_post_lsh')
    .addColumn('band_key', 'text', (col) => col.notNull())
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job_post.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('job_post_lsh_pkey', ['band_key', 'job_id'])
    .execute();

  // Reprocessing a posting deletes its old band keys by job id.
  await db.schema.createIndex('job_post_lsh_job_id_idx').on('job_post_lsh').column('job_id').execute();

  await sql`comment on table job_post_lsh is 'LSH band keys of job_post_minhash signatures: equal keys mark candidate duplicates'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_post_lsh').ifExists().execute();
  await db.schema.dropTable('job_post_minhash').ifExists().execute();
}
