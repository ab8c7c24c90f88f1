/** Splits the "<Title> at <Company>" headings that JobWebKenya and MyJobMag use. */

/**
 * Returns the title and organization of a "<Title> at <Company>" heading, split at the last " at ".
 * When `organization` is known, only that exact suffix is removed, so a title like
 * "Teacher at Heart Foundation" whose company is "Heart Foundation" splits correctly.
 */
export function splitTitleAtOrganization(heading: string, organization?: string | null): { title: string; organization: string | null } {
  const trimmed = heading.trim();
  if (organization) {
    const suffix = ` at ${organization}`.toLowerCase();
    if (trimmed.toLowerCase().endsWith(suffix)) {
      return { title: trimmed.slice(0, trimmed.length - suffix.length).trim(), organization };
    }
  }

  const at = trimmed.toLowerCase().lastIndexOf(' at ');
  if (at <= 0) {
    return { title: trimmed, organization: organization ?? null };
  }
  return { title: trimmed.slice(0, at).trim(), organization: organization ?? (trimmed.slice(at + 4).trim() || null) };
}
