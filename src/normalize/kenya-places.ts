/**
 * Kenya's counties and towns and the world's countries, compiled once into one phrase
 * matcher. Each match carries the place it names, so the location normalizer only has
 * to decide which mention describes the place of work.
 */
import countiesData from './data/counties.json' with { type: 'json' };
import countriesData from './data/countries.json' with { type: 'json' };
import townsData from './data/towns.json' with { type: 'json' };
import { compilePhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher.js';

export type Place =
  | { kind: 'county'; county: string; city: string | null }
  | { kind: 'town'; county: string; city: string }
  | { kind: 'country'; country: string }
  | { kind: 'kenya' }
  | { kind: 'rest-of-kenya' }
  | { kind: 'outside-kenya' };

export interface PlaceMention {
  place: Place;
  start: number;
  end: number;
}

interface CountyRecord {
  name: string;
  aliases: string[];
  hasTownOfSameName: boolean;
}

interface CountryRecord {
  name: string;
  aliases: string[];
}

const counties = countiesData as CountyRecord[];
const countries = countriesData as CountryRecord[];
const towns = townsData as Record<string, { county: string; city?: string }>;

/** Canonical county names, in the order of their official county codes. */
export const COUNTY_NAMES: readonly string[] = counties.map((county) => county.name);

const placesByKey = new Map<string, Place>();
const entries: PhraseEntry[] = [];

function register(key: string, place: Place, phrases: readonly string[]): void {
  placesByKey.set(key, place);
  for (const phrase of phrases) {
    // Short all-capital aliases ("US", "UK", "NBI") are ordinary words in lower case.
    const isCaseSensitive = phrase.length <= 4 && phrase === phrase.toUpperCase();
    entries.push({ phrase, key, isCaseSensitive });
  }
}

for (const county of counties) {
  const city = county.hasTownOfSameName ? county.name : null;
  register(`county:${county.name}`, { kind: 'county', county: county.name, city }, [county.name, ...county.aliases]);
}
for (const [town, record] of Object.entries(towns)) {
  register(`town:${town}`, { kind: 'town', county: record.county, city: record.city ?? town }, [town]);
}
for (const country of countries) {
  register(`country:${country.name}`, { kind: 'country', country: country.name }, [country.name, ...country.aliases]);
}
register('kenya', { kind: 'kenya' }, ['Kenya', 'Kenyan', 'Mt Kenya', 'Mount Kenya', 'Mt. Kenya']);
register('rest-of-kenya', { kind: 'rest-of-kenya' }, ['Rest of Kenya', 'Anywhere in Kenya', 'Across Kenya', 'Countrywide', 'Nationwide']);
register('outside-kenya', { kind: 'outside-kenya' }, ['Outside Kenya', 'Abroad', 'Overseas']);

const matcher = compilePhraseMatcher(entries);

/** Lists every place named in `text`, in order of position. */
export function findPlaces(text: string): PlaceMention[] {
  return matcher.findAll(text).map((match: PhraseMatch) => ({ place: placesByKey.get(match.key)!, start: match.start, end: match.end }));
}
