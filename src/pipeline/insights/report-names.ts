/** The reports `nextke insights` can produce, in the order they are shown. */
export const REPORT_NAMES = ['overview', 'hiring-trends', 'skill-demand', 'salary-insights', 'location-analysis', 'top-employers'] as const;

export type ReportName = (typeof REPORT_NAMES)[number];

export const REPORT_TITLES: Record<ReportName, string> = {
  overview: 'Overview',
  'hiring-trends': 'Hiring trends',
  'skill-demand': 'Skill demand',
  'salary-insights': 'Salary insights',
  'location-analysis': 'Location analysis',
  'top-employers': 'Top employers',
};
