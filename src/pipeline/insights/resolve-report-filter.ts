/**
 * Checks the `--family` and `--county` values of a report against the normalizer's
 * vocabularies and returns them spelled as stored. Without this check an unknown value
 * matches no posting and every report comes back empty with no hint why.
 */
import type { ReportFilter } from '../../db/queries/report-scope.js';
import { UsageError } from '../../lib/errors.js';
import countiesData from '../../normalize/data/counties.json' with { type: 'json' };
import { TITLE_FAMILIES } from '../../normalize/vocabulary.js';

/** Title families a report can select: the normalizer's families, and `unclassified` for postings without one. */
export const REPORT_FAMILIES: readonly string[] = [...TITLE_FAMILIES, 'unclassified'];

/** Location keys of metrics_daily that are not counties, the same words as LOCATION_KEY in report-scope.ts. */
export const NON_COUNTY_LOCATIONS: readonly string[] = ['remote', 'outside_kenya', 'unknown'];

const counties = countiesData as ReadonlyArray<{ name: string; aliases: string[] }>;

/** Folds letter case, and spaces, hyphens and underscores to one `_`, so `Finance Accounting` finds `finance_accounting`. */
function spellingKey(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

// Spelling key to stored spelling. Counties also take their aliases from
// normalize/data/counties.json, so `Muranga` and `Homa-Bay` work without shell quoting.
const familyBySpelling = new Map(REPORT_FAMILIES.map((family) => [spellingKey(family), family]));
const locationBySpelling = new Map<string, string>([
  ...counties.flatMap((county) => [county.name, ...county.aliases].map((spelling): [string, string] => [spellingKey(spelling), county.name])),
  ...NON_COUNTY_LOCATIONS.map((location): [string, string] => [spellingKey(location), location]),
]);

/**
 * Returns `filter` with its family and county spelled as stored, matching in any letter case.
 * Throws UsageError (exit code 2) naming the value and listing the accepted ones when either is unknown.
 */
export function resolveReportFilter(filter: ReportFilter): ReportFilter {
  return {
    ...filter,
    family: filter.family === undefined ? undefined : resolveFamily(filter.family),
    county: filter.county === undefined ? undefined : resolveCounty(filter.county),
  };
}

function resolveFamily(value: string): string {
  const family = familyBySpelling.get(spellingKey(value));
  if (family === undefined) {
    throw new UsageError(`invalid --family ${JSON.stringify(value)}: expected one of ${REPORT_FAMILIES.join(', ')}`, {
      context: { family: value },
      hint: 'letter case, spaces and hyphens do not matter, and unclassified selects postings the title rules could not place',
    });
  }
  return family;
}

function resolveCounty(value: string): string {
  const location = locationBySpelling.get(spellingKey(value));
  if (location === undefined) {
    throw new UsageError(
      `invalid --county ${JSON.stringify(value)}: expected a county (${counties.map((county) => county.name).join(', ')}) or one of ${NON_COUNTY_LOCATIONS.join(', ')}`,
      {
        context: { county: value },
        hint: 'letter case, spaces and hyphens do not matter, and common spellings such as Muranga work too',
      },
    );
  }
  return location;
}
