/**
 * Reads `<script type="application/ld+json">` blocks leniently, because boards publish JSON-LD that
 * strict `JSON.parse` rejects: CDATA or HTML comment wrappers, a trailing `;`, and raw line breaks
 * or tabs inside string values.
 */
import type { CheerioAPI } from 'cheerio';

export interface JsonLdBlocks {
  /** Every block that parsed, in page order. */
  values: unknown[];
  /** Blocks that stayed unreadable after the repairs. */
  failedCount: number;
}

/** Parses every JSON-LD script of a loaded page; blocks that cannot be repaired are counted, not thrown. */
export function parseJsonLdBlocks($: CheerioAPI): JsonLdBlocks {
  const values: unknown[] = [];
  let failedCount = 0;

  $('script[type="application/ld+json" i]').each((_index, element) => {
    const parsed = parseJsonLdText($(element).text());
    if (parsed === undefined) {
      failedCount += 1;
    } else {
      values.push(parsed);
    }
  });
  return { values, failedCount };
}

/** Parses one block's text, repairing the known defects; returns undefined when it cannot be read. */
export function parseJsonLdText(text: string): unknown {
  const unwrapped = stripWrappers(text);
  if (unwrapped === '') {
    return undefined;
  }

  const strict = tryParse(unwrapped);
  if (strict !== undefined) {
    return strict;
  }
  return tryParse(escapeControlCharactersInStrings(unwrapped));
}

function stripWrappers(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>$/, '')
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim()
    .replace(/;+$/, '')
    .trim();
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Replaces raw control characters inside JSON string literals with their escapes; text outside strings is kept. */
export function escapeControlCharactersInStrings(text: string): string {
  let output = '';
  let isInString = false;
  let isEscaped = false;

  for (const char of text) {
    if (isInString) {
      if (isEscaped) {
        isEscaped = false;
      } else if (char === '\\') {
        isEscaped = true;
      } else if (char === '"') {
        isInString = false;
      } else if (char < ' ') {
        output += controlEscape(char);
        continue;
      }
    } else if (char === '"') {
      isInString = true;
    }
    output += char;
  }
  return output;
}

function controlEscape(char: string): string {
  switch (char) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}
