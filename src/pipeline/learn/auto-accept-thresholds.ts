import { SKILL_KIND, TITLE_ALIAS_KIND } from '../../db/learned-pattern-kinds.js';

/**
 * Minimum support and confidence at which `nextke learn --auto-accept` accepts a proposal without
 * review. A title alias needs 5 postings and a title similarity (or classifier probability) of 0.9.
 * A skill needs 10 postings of which at least half come from different organizations, so one
 * employer's reposts cannot add a skill.
 */
export const AUTO_ACCEPT_THRESHOLDS: Readonly<Record<string, { minSupport: number; minConfidence: number }>> = {
  [TITLE_ALIAS_KIND]: { minSupport: 5, minConfidence: 0.9 },
  [SKILL_KIND]: { minSupport: 10, minConfidence: 0.5 },
};
