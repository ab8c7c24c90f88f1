/** Resolves a link found on a page against the page URL; returns null for non-http links. */
export function resolveLink(href: string | undefined | null, pageUrl: string): string | null {
  if (!href) {
    return null;
  }

  const trimmed = href.trim();
  if (trimmed === '' || /^(javascript|mailto|tel|data):/i.test(trimmed) || trimmed.startsWith('#')) {
    return null;
  }
  if (!URL.canParse(trimmed, pageUrl)) {
    return null;
  }

  const resolved = new URL(trimmed, pageUrl);
  return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.toString() : null;
}
