/**
 * The closed vocabularies that normalizers emit and the database stores. Labels and
 * outputs compare directly, so every normalizer returns one of these strings or null.
 */

/** Career level of a posting, from intern to executive; rules in normalize-title.ts. */
export const SENIORITIES = ['intern', 'entry', 'mid', 'senior', 'manager', 'executive'] as const;

export type Seniority = (typeof SENIORITIES)[number];

/** Occupational families; each title maps to exactly one. Cues live in data/title-families.json. */
export const TITLE_FAMILIES = [
  'administration',
  'finance_accounting',
  'sales_business_development',
  'marketing_communications',
  'creative_design',
  'technology',
  'data_research',
  'engineering_technical',
  'skilled_trades',
  'healthcare',
  'education_training',
  'human_resources',
  'supply_chain_logistics',
  'management_operations',
  'programs_development',
  'legal_risk_compliance',
  'customer_service',
  'hospitality_food',
  'security',
  'agriculture_environment',
  'cleaning_domestic',
  'public_administration',
  'other',
] as const;

export type TitleFamily = (typeof TITLE_FAMILIES)[number];

/**
 * Pay periods. `one_time` is a lump sum for a whole assignment (consultancy fees), after
 * Google Talent's ONE_TIME compensation unit.
 */
export const SALARY_PERIODS = ['hourly', 'daily', 'weekly', 'monthly', 'yearly', 'one_time'] as const;

export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

/** Employment types; which one wins when a posting states several is decided in normalize-employment-type.ts. */
export const EMPLOYMENT_TYPES = [
  'full_time',
  'part_time',
  'contract',
  'temporary',
  'internship',
  'volunteer',
  'freelance',
] as const;

export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Academic levels from lowest to highest; the order is used to pick the lowest level a posting asks for. */
export const EDUCATION_LEVELS = [
  'secondary',
  'certificate',
  'diploma',
  'bachelor',
  'postgraduate_diploma',
  'master',
  'doctorate',
] as const;

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
