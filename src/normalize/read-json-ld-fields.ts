/**
 * Reads the fields the normalizers use from a schema.org JobPosting object, tolerating the
 * shapes boards publish: strings or objects, single values or arrays, nested addresses.
 */

export interface JsonLdFields {
  title: string | null;
  description: string | null;
  organization: string | null;
  location: string | null;
  employmentType: unknown;
  baseSalary: unknown;
  datePosted: string | null;
  deadline: string | null;
  education: string | null;
  experience: string | null;
}

const TAG = /<[^>]*>/g;
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39|#x27);/g;
const ENTITY_TEXT: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const MONTHS_PER_YEAR = 12;

/** Extracts the normalizer inputs from a JobPosting node; every field is null when absent. */
export function readJsonLdFields(node: Record<string, unknown> | null | undefined): JsonLdFields {
  const posting = node ?? {};
  return {
    title: text(posting.title),
    description: htmlToPlain(text(posting.description)),
    organization: text(first(posting.hiringOrganization)) ?? text(field(first(posting.hiringOrganization), 'name')),
    location: readLocation(posting.jobLocation, posting.jobLocationType),
    employmentType: posting.employmentType ?? null,
    baseSalary: posting.baseSalary ?? null,
    datePosted: text(posting.datePosted),
    deadline: text(posting.validThrough),
    education: text(posting.educationRequirements) ?? text(field(first(posting.educationRequirements), 'credentialCategory')),
    experience: readExperience(posting.experienceRequirements),
  };
}

function readLocation(jobLocation: unknown, locationType: unknown): string | null {
  const parts: string[] = [];
  const places = Array.isArray(jobLocation) ? jobLocation : [jobLocation];
  for (const place of places) {
    const address = field(place, 'address') ?? place;
    const direct = text(address);
    if (direct !== null) parts.push(direct);
    for (const key of ['streetAddress', 'addressLocality', 'addressRegion', 'addressCountry']) {
      const value = text(field(address, key)) ?? text(field(field(address, key), 'name'));
      if (value !== null) parts.push(value);
    }
  }
  if (text(locationType) === 'TELECOMMUTE') parts.push('Remote');
  return parts.length === 0 ? null : parts.join(', ');
}

function readExperience(requirements: unknown): string | null {
  const direct = text(requirements);
  if (direct !== null) return direct;

  const months = Number(field(first(requirements), 'monthsOfExperience'));
  return Number.isFinite(months) && months >= 0 ? `${months / MONTHS_PER_YEAR} years` : null;
}

function htmlToPlain(html: string | null): string | null {
  if (html === null) return null;
  return html.replace(TAG, ' ').replace(ENTITY, (entity) => ENTITY_TEXT[entity] ?? ' ').replace(/\s+/g, ' ').trim();
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}
