/**
 * Decides where a job is done: country, Kenyan county (region), town, and whether it is
 * remote. Sources are read from the most to the least specific: the job title, labelled
 * lines in the body ("Location:", "Duty Station:"), the board's location facet, then any
 * place named in the body. The body beats the facet, because boards often fill the facet
 * with the employer's head office.
 */
import { findPlaces, type Place, type PlaceMention } from './kenya-places.js';
import { matchNearLiterals } from './match-near-literals.js';
import { toPostingText, type PostingText } from './posting-text.js';

export interface NormalizedLocation {
  country: string | null;

  /** One of the 47 counties, canonical spelling; null outside Kenya or when no county is named. */
  region: string | null;
  city: string | null;
  isRemote: boolean;

  /** Every county named as a place of work, primary first. */
  regionsAll: string[];
}

export interface LocationOptions {
  /** The posting title; places in it beat everything else. */
  title?: string | null;

  /** Employer name, masked before scanning so "Mombasa Computers Ltd" does not read as Mombasa. */
  organization?: string | null;
}

interface SourceReading {
  counties: PlaceMention[];
  foreignCountry: string | null;
  isKenya: boolean;
  isOutsideKenya: boolean;
}

// A label that introduces the place of work; the place follows within a few words.
const LOCATION_LABEL =
  /\b(?:work(?:ing)?\s+location|job\s+location|duty\s+station|location\s+of\s+(?:work|assignment)|place\s+of\s+work|work\s+station|based\s+in|remote\s+(?:within|in)|location)\b\s*[:–\-|]?\s*/gi;
const FACET_LABEL = /\bState\s*:\s*/g;
// Every label contains one of these words, at most "working " after the label's start.
const LOCATION_LABEL_WORDS = ['location', 'station', 'place', 'based', 'remote'];
const LOCATION_LABEL_MAX_CHARS_BEFORE = 12;
const LABEL_WINDOW_CHARS = 110;
const FIRST_PLACE_MAX_OFFSET = 80;

// Separators allowed between two places of one list: "Kilifi and Mombasa", "Mombasa - Nakuru".
const LIST_GAP = /^(?:[\s,;&/|()\-–.]|\band\b|\bor\b|\bcounty\b|\bcounties\b|\bkenya\b|\bregion\b)*$/i;
const LIST_GAP_MAX_CHARS = 24;

const REMOTE_IN_LABEL = /\bremote\b|\bwork(?:ing)?\s+from\s+home\b|\bWFH\b/i;
const REMOTE_IN_BODY =
  /\b(?:fully|100%|completely)\s+remote\b|\bremote\s+(?:position|role|job|opportunity|work|within|from|based|first)\b|\bclassified\s+as\s+remote\b|\bwork(?:ing)?\s+from\s+home\b|\bthis\s+is\s+a\s+remote\b/i;
const HYBRID = /\bhybrid\b/i;

// " at Employer" closes most titles on Kenyan boards; the employer is not the place of work.
const TITLE_EMPLOYER = /\s+at\s+[A-Z][\s\S]*$/;
const MAX_SCANNED_CHARS = 20_000;

/** Normalizes the place of work named in a posting's text and, optionally, a labelled facet. */
export function normalizeLocation(text: string | PostingText | null, labelled?: string | null, options: LocationOptions = {}): NormalizedLocation {
  const posting = toPostingText(text);
  const body = maskOrganization(capLength(posting.text, MAX_SCANNED_CHARS), options.organization);
  const title = (options.title ?? '').replace(TITLE_EMPLOYER, '');
  const facet = labelled ?? '';

  // Gates read the unmasked lower-case text: a word missing there is missing from the masked body too.
  const isRemote = detectRemote(title, facet, body, posting.lower);
  const bodyMentions = findPlaces(body);
  const lowerBody = body === posting.text ? posting.lower : body.toLowerCase();
  const labelMatches = matchNearLiterals(body, lowerBody, LOCATION_LABEL, LOCATION_LABEL_WORDS, LOCATION_LABEL_MAX_CHARS_BEFORE);
  const sources: Array<{ mentions: PlaceMention[]; isFree: boolean }> = [
    { mentions: findPlaces(title), isFree: false },
    ...labelledWindows(body, labelMatches, bodyMentions).map((mentions) => ({ mentions, isFree: false })),
  ];
  if (!isRemote) {
    sources.push({ mentions: findPlaces(facet), isFree: false });
    const facetMatches = body.includes('State') ? body.matchAll(FACET_LABEL) : [];
    sources.push(...labelledWindows(body, facetMatches, bodyMentions).map((mentions) => ({ mentions, isFree: false })));
    sources.push({ mentions: bodyMentions, isFree: true });
  }

  return resolve(sources, isRemote, bodyMentions);
}

function resolve(sources: Array<{ mentions: PlaceMention[]; isFree: boolean }>, isRemote: boolean, bodyMentions: PlaceMention[]): NormalizedLocation {
  let isKenya = false;
  let isOutsideKenya = false;

  for (const source of sources) {
    const reading = read(source.mentions, source.isFree);
    isKenya ||= reading.isKenya;
    isOutsideKenya ||= reading.isOutsideKenya;

    if (reading.counties.length > 0 && !(source.isFree && isOutsideKenya)) return fromCounties(reading.counties, isRemote);
    if (reading.foreignCountry !== null && (!source.isFree || !isKenya || isOutsideKenya)) {
      return { country: reading.foreignCountry, region: null, city: null, isRemote, regionsAll: [] };
    }
  }

  // A remote job names its country explicitly or has none; Kenyan hints in the body do not count.
  if (isRemote && !isKenya) return empty(isRemote, null);
  if (isOutsideKenya) return empty(isRemote, null);
  if (isKenya || (!isRemote && bodyMentions.some((mention) => mention.place.kind === 'kenya'))) return empty(isRemote, 'Kenya');
  return empty(isRemote, null);
}

function read(mentions: PlaceMention[], isFree: boolean): SourceReading {
  const reading: SourceReading = { counties: [], foreignCountry: null, isKenya: false, isOutsideKenya: false };
  for (const mention of mentions) {
    const place = mention.place;
    if (place.kind === 'county' || place.kind === 'town') reading.counties.push(mention);
    else if (place.kind === 'country') reading.foreignCountry ??= place.country;
    else if (place.kind === 'kenya' || place.kind === 'rest-of-kenya') reading.isKenya = true;
    else reading.isOutsideKenya = true;
  }

  // In free text, only the first place counts: later ones are branches, neighbours or head offices.
  if (isFree && reading.counties.length > 1) reading.counties = reading.counties.slice(0, 1);
  return reading;
}

function fromCounties(mentions: PlaceMention[], isRemote: boolean): NormalizedLocation {
  const places = mentions.map((mention) => mention.place).filter(isKenyanPlace);
  const regionsAll = [...new Set(places.map((place) => place.county))];

  // The first place listed is the primary one; a town in the same county names the city more precisely.
  const primary = places[0]!;
  const town = places.find((place) => place.kind === 'town' && place.county === primary.county);
  return { country: 'Kenya', region: primary.county, city: (town ?? primary).city, isRemote, regionsAll };
}

function isKenyanPlace(place: Place): place is Extract<Place, { kind: 'county' | 'town' }> {
  return place.kind === 'county' || place.kind === 'town';
}

/** Reads the places listed right after each label: the first within reach, then any that continue the list. */
function labelledWindows(body: string, labels: Iterable<RegExpExecArray>, bodyMentions: readonly PlaceMention[]): PlaceMention[][] {
  const windows: PlaceMention[][] = [];
  for (const found of labels) {
    const windowStart = found.index + found[0].length;
    const chain = placeChain(body, windowStart, bodyMentions);
    if (chain.length > 0) windows.push(chain);
  }
  return windows;
}

function placeChain(body: string, windowStart: number, bodyMentions: readonly PlaceMention[]): PlaceMention[] {
  const windowEnd = windowStart + LABEL_WINDOW_CHARS;
  const first = bodyMentions.find((mention) => mention.start >= windowStart);
  if (first === undefined || first.start - windowStart > FIRST_PLACE_MAX_OFFSET) return [];

  const chain = [first];
  for (let index = bodyMentions.indexOf(first) + 1; index < bodyMentions.length; index += 1) {
    const mention = bodyMentions[index]!;
    const previous = chain[chain.length - 1]!;
    const gap = body.slice(previous.end, mention.start);
    if (mention.end > windowEnd || gap.length > LIST_GAP_MAX_CHARS || !LIST_GAP.test(gap)) break;
    chain.push(mention);
  }
  return chain;
}

function detectRemote(title: string, facet: string, body: string, lowerBody: string): boolean {
  if (REMOTE_IN_LABEL.test(title) || REMOTE_IN_LABEL.test(facet)) return true;
  if (!lowerBody.includes('remote') && !lowerBody.includes('from home')) return false;
  return REMOTE_IN_BODY.test(body) && !(lowerBody.includes('hybrid') && HYBRID.test(body));
}

/** Blanks the employer's name; returns `body` itself when the name is absent, so its cached tokens are reused. */
function maskOrganization(body: string, organization: string | null | undefined): string {
  if (organization === null || organization === undefined || organization.trim().length < 3 || !body.includes(organization)) return body;
  return body.split(organization).join(' '.repeat(organization.length));
}

/** Returns the text itself when short enough, so tokenizations cached for it are reused. */
function capLength(text: string, maxChars: number): string {
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

function empty(isRemote: boolean, country: string | null): NormalizedLocation {
  return { country, region: null, city: null, isRemote, regionsAll: [] };
}
