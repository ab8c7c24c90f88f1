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
