import { acceptLearnedPatterns, listLearnedPatterns, type LearnedPattern, type PatternStatus } from '../../db/queries/learned-patterns.js';
import { UsageError } from '../../lib/errors.js';
import type { Context } from '../context.js';

/**
 * Accepts the learned patterns with these ids, so the next `nextke process` run uses the accepted
 * title aliases and skills. Throws UsageError naming the ids that do not exist, after accepting
 * none of them.
 */
export async function acceptPatterns(ctx: Context, ids: readonly string[]): Promise<LearnedPattern[]> {
  const accepted = await ctx.store.db.transaction().execute(async (trx) => {
    const found = await acceptLearnedPatterns(trx, ids);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length > 0) {
      throw new UsageError(`learned pattern id not found: ${missing.join(', ')}`, { hint: 'list the proposals and their ids with: nextke learn --list' });
    }
    return found;
  });

  ctx.log.info('patterns accepted', { ids: accepted });
  const patterns = await listLearnedPatterns(ctx.store.db, { status: 'accepted', limit: 10_000 });
  return patterns.filter((pattern) => accepted.includes(pattern.id));
}

/** Lists learned patterns for review, highest support first. */
export function listPatterns(ctx: Context, options: { kinds?: readonly string[]; status?: PatternStatus; limit: number }): Promise<LearnedPattern[]> {
  return listLearnedPatterns(ctx.store.db, options);
}
