/**
 * The values of `learned_pattern.kind` and `learned_pattern.status`. They live apart from the
 * queries in `queries/learned-patterns.ts`, which re-exports them, so that the CLI can build
 * `nextke learn --help` without loading kysely.
 */

/** `learned_pattern.kind` of a raw title mapped to a canonical title: value `{ family, canonical }`, key the raw title. */
export const TITLE_ALIAS_KIND = 'title_alias';

/** `learned_pattern.kind` of a skill missing from the shipped taxonomy: value `{ name, aliases? }`, key the skill name. */
export const SKILL_KIND = 'skill';

/** Kinds the learn stage only describes (nothing consumes an accepted one). */
export const SALARY_PATTERN_KIND = 'salary_pattern';
export const EMPLOYER_ACTIVITY_KIND = 'employer_activity';
export const FAMILY_TREND_KIND = 'family_trend';

/** `learned_pattern.kind` of the title-family classifier that `nextke optimize` trains; one row, key TITLE_CLASSIFIER_KEY. */
export const TITLE_CLASSIFIER_KIND = 'title_classifier';
export const TITLE_CLASSIFIER_KEY = 'naive_bayes';

export const PATTERN_STATUSES = ['proposed', 'accepted'] as const;
export type PatternStatus = (typeof PATTERN_STATUSES)[number];
