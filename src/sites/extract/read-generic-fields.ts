/**
 * The last extraction step: fields any job page tends to show without board-specific markup (a
 * heading, Open Graph tags, the main content, "Label: value" lines). A fifth board configured only
 * through sites.yaml relies on it for whatever its selectors do not cover.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

import { cleanInline, nodesToText } from '../html-text.js';
import { findFirst } from './find-first.js';
import { emptyPostingFields, type PostingFields } from './posting-fields.js';

/** Content containers tried in order for the description. */
const CONTENT_SELECTORS = [
  '[itemprop="description"]',
  '.job-description',
  '.job-details',
  'article',
  'main',
  '#content',
  '.content',
  'body',
];

/** Line labels recognised in page text, matched at the start of a line. */
const LINE_LABELS: readonly [RegExp, keyof PostingFields][] = [
  [/^(?:closing|application|deadline)\s*(?:date)?\s*[:\-–]\s*(.+)$/i, 'deadline'],
  [/^deadline\s*[:\-–]\s*(.+)$/i, 'deadline'],
  [/^(?:job\s*)?location\s*[:\-–]\s*(.+)$/i, 'location'],
  [/^(?:salary|remuneration|pay)(?:\s*range)?\s*[:\-–]\s*(.+)$/i, 'salaryText'],
  [/^(?:job|employment|contract)\s*type\s*[:\-–]\s*(.+)$/i, 'employmentType'],
  [/^(?:company|employer|organi[sz]ation)\s*[:\-–]\s*(.+)$/i, 'organization'],
  [/^(?:min(?:imum)?\.?\s*)?(?:qualification|education)s?\s*[:\-–]\s*(.+)$/i, 'education'],
  [/^experience(?:\s*(?:level|length|required))?\s*[:\-–]\s*(.+)$/i, 'experience'],
];

/**
 * Reads generic fields from a whole loaded page, only for what `found` (the earlier steps) still
 * lacks. The "Label: value" line scan reads the description already found when there is one.
 */
export function readGenericFields($: CheerioAPI, found: PostingFields): PostingFields {
  const fields = emptyPostingFields();

  if (found.title === null) {
    fields.title =
      cleanInline(findFirst($.root(), 'h1').text()) ??
      cleanInline(findFirst($.root(), 'meta[property="og:title"]').attr('content')) ??
      titleWithoutSiteName(findFirst($.root(), 'title').text());
  }

  let text = found.descriptionText;
  if (text === null) {
    const content = findContent($);
    text = content ? nodesToText(content.contents().toArray()) : '';
    fields.descriptionText = text === '' ? cleanInline(findFirst($.root(), 'meta[name="description"]').attr('content')) : text;
    fields.descriptionHtml = content?.html()?.trim() || null;
  }

  readLabelledLines(text ?? '', fields);
  return fields;
}

/** Returns the first content container found, trying CONTENT_SELECTORS in order; undefined when none matches. */
function findContent($: CheerioAPI): Cheerio<Element> | undefined {
  for (const selector of CONTENT_SELECTORS) {
    const element = findFirst($.root(), selector);
    if (element.length > 0) {
      return element;
    }
  }
  return undefined;
}

/** Fills fields from "Label: value" lines of page text; the first line per field wins. */
export function readLabelledLines(text: string, fields: PostingFields): void {
  for (const line of text.split('\n')) {
    for (const [pattern, field] of LINE_LABELS) {
      const match = pattern.exec(line.trim());
      const value = cleanInline(match?.[1]);
      if (value && value.length <= 120 && fields[field] === null) {
        (fields as Record<string, unknown>)[field] = value;
      }
    }
  }
}

/** Drops a trailing " | Site" or " - Site" from a document title. */
export function titleWithoutSiteName(title: string): string | null {
  const cleaned = cleanInline(title);
  if (!cleaned) {
    return null;
  }
  return cleaned.replace(/\s+[|–-]\s+[^|–-]+$/, '').trim() || cleaned;
}
