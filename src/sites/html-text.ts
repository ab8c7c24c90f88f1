/** Plain text from HTML for posting fields: block elements become line breaks, scripts and ads are dropped. */
import * as cheerio from 'cheerio/slim';
import type { AnyNode } from 'domhandler';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never posting text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'ins', 'svg', 'button', 'select', 'input', 'textarea']);

/** Returns the text of DOM nodes with one line per block element, whitespace collapsed inside lines. */
export function nodesToText(nodes: readonly AnyNode[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    collectText(node, parts);
  }
  return tidyLines(parts.join(''));
}

/** Returns the text of an HTML fragment, as `nodesToText` does. */
export function htmlToText(html: string): string {
  const $ = cheerio.load(html, null, false);
  return nodesToText($.root().contents().toArray());
}

/** Collapses all whitespace to single spaces and trims; returns null for an empty result. */
export function cleanInline(text: string | null | undefined): string | null {
  if (text === null || text === undefined) {
    return null;
  }
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/** Returns null for empty text, otherwise the text unchanged. */
export function nonEmpty(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text;
}

/**
 * Decodes HTML character references in a plain string (`&amp;` to `&`, `&#8211;` to `–`).
 * Markup in the string is kept as text.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }

  // Numeric and common named references are decoded here, because a parser run per JSON-LD string
  // would dominate the parse time. Any other named reference goes through the HTML parser.
  let needsParser = false;
  const decoded = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (reference: string, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
    }
    const character = COMMON_ENTITIES[name];
    if (character === undefined) {
      needsParser = true;
      return reference;
    }
    return character;
  });

  if (!needsParser) {
    return decoded;
  }
  return cheerio.load(`<p>${text.replace(/</g, '&lt;')}</p>`, null, false)('p').text();
}

const COMMON_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
};

function collectText(node: AnyNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push(node.data.replace(/\s+/g, ' '));
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') {
    return;
  }
  if (node.type === 'tag') {
    const name = node.name.toLowerCase();
    if (SKIPPED_TAGS.has(name)) {
      return;
    }
    if (name === 'br') {
      parts.push('\n');
      return;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) {
      parts.push('\n');
    }
    for (const child of node.children) {
      collectText(child, parts);
    }
    if (isBlock) {
      parts.push('\n');
    }
    return;
  }
  for (const child of node.children) {
    collectText(child, parts);
  }
}

function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
