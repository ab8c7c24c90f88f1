/** Maps a schema.org JobPosting node to posting fields, tolerating the shapes boards actually publish. */
import { cleanInline, decodeEntities, htmlToText } from '../html-text.js';
import type { PostingFields, SalaryAmount } from '../types.js';
import { isJsonLdNode, type JsonLdNode } from './find-job-postings.js';

/** The posting fields a JobPosting node can supply; absent ones are null. */
export type JobPostingFields = PostingFields;

/** Reads the posting fields of one JobPosting node (references already resolved). */
export function readJobPosting(node: JsonLdNode): JobPostingFields {
  const description = readHtmlField(node['description']);
  const requirements = readHtmlField(node['qualifications'] ?? node['skills']);
  const salary = readSalary(node['baseSalary']);

  return {
    title: textOf(node['title']) ?? textOf(node['name']),
    organization: readOrganization(node['hiringOrganization']),
    location: readLocation(node),
    employmentType: readEmploymentType(node['employmentType']),
    salaryText: salary.text,
    salary: salary.amount,
    education: readEducation(node['educationRequirements']),
    experience: readExperience(node['experienceRequirements']),
    datePosted: textOf(node['datePosted']),
    deadline: textOf(node['validThrough']),
    descriptionText: description.text,
    descriptionHtml: description.html,
    requirementsText: requirements.text,
    requirementsHtml: requirements.html,
    applyUrl: readApplyUrl(node),
    industry: textOf(node['industry']) ?? textOf(node['occupationalCategory']),
  };
}

/** Text of a scalar, entity references decoded; first item of an array; `name` of a node. */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    return cleanInline(decodeEntities(value));
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (Array.isArray(value)) {
    const texts = value.map(textOf).filter((text): text is string => text !== null);
    return texts.length > 0 ? texts.join(', ') : null;
  }
  if (isJsonLdNode(value)) {
    return textOf(value['name']);
  }
  return null;
}

/**
 * Reads an HTML-valued field. Some boards entity-escape the markup inside the JSON string
 * (`&lt;p&gt;`), so a string with escaped tags and no real ones is unescaped once first.
 */
function readHtmlField(value: unknown): { html: string | null; text: string | null } {
  if (typeof value !== 'string' || value.trim() === '') {
    const text = textOf(value);
    return { html: null, text };
  }

  const isEscapedMarkup = /&lt;\/?[a-z][^&]*&gt;/i.test(value) && !/<\/?[a-z][^>]*>/i.test(value);
  const html = (isEscapedMarkup ? decodeEntities(value) : value).trim();
  const text = htmlToText(html);
  return { html, text: text === '' ? null : text };
}

function readOrganization(value: unknown): string | null {
  if (isJsonLdNode(value)) {
    return textOf(value['name']) ?? textOf(value['legalName']);
  }
  return textOf(value);
}

function readEmploymentType(value: unknown): string | null {
  if (Array.isArray(value)) {
    return textOf(value.filter((item) => typeof item === 'string'));
  }
  return textOf(value);
}

/**
 * Builds location text from `jobLocation` addresses. Parts are kept in the order street, locality,
 * region, because BrighterMonday puts the city in `streetAddress` and the country in `addressLocality`.
 * Two-letter country codes are dropped when a place name exists. Remote jobs read "Remote".
 */
function readLocation(node: JsonLdNode): string | null {
  const places = Array.isArray(node['jobLocation']) ? node['jobLocation'] : [node['jobLocation']];
  const names: string[] = [];

  for (const place of places) {
    const name = readPlaceName(place);
    if (name && !names.includes(name)) {
      names.push(name);
    }
  }

  if (names.length === 0 && textOf(node['jobLocationType'])?.toUpperCase() === 'TELECOMMUTE') {
    return 'Remote';
  }
  return names.length > 0 ? names.join('; ') : null;
}

function readPlaceName(place: unknown): string | null {
  if (typeof place === 'string') {
    return cleanInline(place);
  }
  if (!isJsonLdNode(place)) {
    return null;
  }

  const address = place['address'];
  if (typeof address === 'string') {
    return cleanInline(address);
  }
  if (!isJsonLdNode(address)) {
    return textOf(place['name']);
  }

  const parts: string[] = [];
  for (const key of ['streetAddress', 'addressLocality', 'addressRegion']) {
    const part = textOf(address[key]);
    if (part && !parts.some((existing) => existing.toLowerCase() === part.toLowerCase())) {
      parts.push(part);
    }
  }
  const country = textOf(address['addressCountry']);
  if (parts.length === 0 && country) {
    parts.push(country);
  }
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * Reads `baseSalary` in its three published shapes: a MonetaryAmount whose `value` is a
 * QuantitativeValue, a MonetaryAmount with a scalar `value` (unit on the outer object), and a plain
 * string or number. Numbers go to `amount`; a string is kept verbatim as `text`.
 */
export function readSalary(value: unknown): { text: string | null; amount: SalaryAmount | null } {
  if (typeof value === 'string') {
    return { text: cleanInline(decodeEntities(value)), amount: null };
  }
  if (typeof value === 'number') {
    return { text: null, amount: { min: null, max: null, value, currency: null, unit: null } };
  }
  if (!isJsonLdNode(value)) {
    return { text: null, amount: null };
  }

  const inner = value['value'];
  const currency = textOf(value['currency']) ?? textOf(value['salaryCurrency']);
  const outerUnit = textOf(value['unitText']);

  if (isJsonLdNode(inner)) {
    const amount: SalaryAmount = {
      min: toNumber(inner['minValue']),
      max: toNumber(inner['maxValue']),
      value: toNumber(inner['value']),
      currency,
      unit: textOf(inner['unitText']) ?? outerUnit,
    };
    return { text: null, amount: hasNumber(amount) ? amount : null };
  }

  const scalar = toNumber(inner);
  if (scalar === null && typeof inner === 'string') {
    return { text: cleanInline(inner), amount: null };
  }
  const amount: SalaryAmount = {
    min: toNumber(value['minValue']),
    max: toNumber(value['maxValue']),
    value: scalar,
    currency,
    unit: outerUnit,
  };
  return { text: null, amount: hasNumber(amount) ? amount : null };
}

function hasNumber(amount: SalaryAmount): boolean {
  return amount.min !== null || amount.max !== null || amount.value !== null;
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^\s*[\d,]+(\.\d+)?\s*$/.test(value)) {
    return Number(value.replace(/[,\s]/g, ''));
  }
  return null;
}

function readEducation(value: unknown): string | null {
  if (isJsonLdNode(value)) {
    return textOf(value['credentialCategory']) ?? textOf(value['name']);
  }
  if (Array.isArray(value)) {
    return textOf(value.map((item) => (isJsonLdNode(item) ? item['credentialCategory'] ?? item['name'] : item)));
  }
  return textOf(value);
}

/** Experience as text; a `monthsOfExperience` figure becomes "N months". */
function readExperience(value: unknown): string | null {
  if (isJsonLdNode(value)) {
    const months = toNumber(value['monthsOfExperience']);
    if (months !== null) {
      return `${months} months`;
    }
    return textOf(value['description']) ?? textOf(value['name']);
  }
  return textOf(value);
}

function readApplyUrl(node: JsonLdNode): string | null {
  const contact = node['applicationContact'];
  if (isJsonLdNode(contact)) {
    return textOf(contact['url']);
  }
  return null;
}
