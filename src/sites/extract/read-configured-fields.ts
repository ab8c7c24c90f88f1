/** Reads posting fields through a site's configured detail selectors and labelled rows. */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

import { cleanInline, nodesToText } from '../html-text.js';
import type { DetailConfig, LabelledFieldName } from '../site-config.js';
import { findFirst } from './find-first.js';
import { emptyPostingFields, type PostingFields } from './posting-fields.js';
import { resolveLink } from './resolve-url.js';

/** Reads the selector-addressed fields inside `container`. */
export function readSelectorFields($: CheerioAPI, container: Cheerio<AnyNode>, config: DetailConfig, pageUrl: string): PostingFields {
  const fields = emptyPostingFields();
  const textAt = (selector: string | undefined) => (selector ? cleanInline(findFirst(container, selector).text()) : null);

  fields.title = textAt(config.title);
  fields.organization = textAt(config.organization);
  fields.location = textAt(config.location);
  fields.employmentType = textAt(config.employmentType);
  fields.salaryText = textAt(config.salary);
  fields.datePosted = textAt(config.datePosted);
  fields.deadline = textAt(config.deadline);
  fields.industry = textAt(config.industry);

  const description = readBlock($, container, config.description);
  fields.descriptionHtml = description.html;
  fields.descriptionText = description.text;

  const requirements = readBlock($, container, config.requirements);
  fields.requirementsHtml = requirements.html;
  fields.requirementsText = requirements.text;

  if (config.apply) {
    fields.applyUrl = resolveLink(findFirst(container, config.apply).attr('href'), pageUrl);
  }
  return fields;
}

/**
 * Reads labelled rows ("Job Type: Full Time") inside `container` into the mapped fields. Labels
 * compare case-insensitively without a trailing colon. An empty value leaves the field null.
 */
export function readLabelledFields($: CheerioAPI, container: Cheerio<AnyNode>, config: DetailConfig): PostingFields {
  const fields = emptyPostingFields();
  const labels = config.labels;
  if (!labels) {
    return fields;
  }

  const fieldByLabel = new Map(Object.entries(labels.fields).map(([label, field]) => [normalizeLabel(label), field]));

  container.find(labels.item).each((_index, element) => {
    const row = $(element as Element);
    const labelElement = row.find(labels.label).first();
    const field = fieldByLabel.get(normalizeLabel(labelElement.text()));
    if (!field || field === 'ignore') {
      return;
    }

    const value = labels.value ? cleanInline(row.find(labels.value).first().text()) : cleanInline(rowTextWithout(row, labelElement));
    assignLabelled(fields, field, value);
  });
  return fields;
}

/** Lower-cases a label and drops surrounding spaces and a trailing colon. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().replace(/\s*:$/, '').toLowerCase();
}

function assignLabelled(fields: PostingFields, field: Exclude<LabelledFieldName, 'ignore'>, value: string | null): void {
  if (value === null || fields[field] !== null) {
    return;
  }
  fields[field] = value;
}

function rowTextWithout(row: Cheerio<Element>, labelElement: Cheerio<Element>): string {
  const rowText = row.text();
  const labelText = labelElement.text();
  const at = rowText.indexOf(labelText);
  return at >= 0 ? rowText.slice(0, at) + rowText.slice(at + labelText.length) : rowText;
}

/** Returns the inner HTML and text of the first element matching `selector`, or nulls. */
export function readBlock($: CheerioAPI, container: Cheerio<AnyNode>, selector: string | undefined): { html: string | null; text: string | null } {
  if (!selector) {
    return { html: null, text: null };
  }

  const element = findFirst(container, selector);
  if (element.length === 0) {
    return { html: null, text: null };
  }

  const html = element.html()?.trim() ?? '';
  const text = nodesToText(element.contents().toArray());
  return { html: html === '' ? null : html, text: text === '' ? null : text };
}
