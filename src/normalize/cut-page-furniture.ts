/**
 * Page furniture: text that the boards print around a posting and that belongs to other jobs
 * or to the board itself. Normalizers scan only the posting, so a sidebar salary or a
 * scholarship prize is never read as this job's pay.
 */

/**
 * Maximum number of characters a normalizer scans. Postings average about 3,600 characters;
 * a few legacy rows are 1 MB of repeated markup, and nothing a normalizer needs sits that deep.
 */
export const MAX_SCANNED_CHARS = 60_000;

// Each marker starts a trailing block that never describes this job. The earliest one found cuts the text.
const TRAILING_FURNITURE = [
  // QUIRK(standardarena): "Related Jobs Showing 1 - 5 of 24 jobs" and "Recent Jobs Showing …" list other jobs with their pay.
  /Related Jobs\s*Showing\s*\d/,
  /Recent Jobs\s*Showing\s*\d/,
  // QUIRK(brightermonday): the safety notice and "Report Job" link close every detail page.
  /Important safety tips/,
  // QUIRK(myjobmag): CV-check and CV-builder promotions follow the application method.
  /Check how your CV aligns with this job/,
  /Build your CV for free/,
  // QUIRK(globalsouthopportunities): "Read More" precedes links to other posts ("Win Up to $35,000").
  // Case-sensitive, so MyJobMag's "Read more about this company" is kept.
  /Read More(?! about)\s+(?=[A-Z0-9])/,
  // QUIRK(jobwebkenya): the application form after the closing date.
  /Apply for this Job\s*Name\s*\*/,
];

// Board blurbs inside the header; removed in place because posting text follows them.
const INLINE_FURNITURE = [
  // QUIRK(jobwebkenya)
  /Recruit candidates with Ease\.[^]*?Post a Job(?=\s*Company:)/,
  /Resubmit your Resume Today\.\s*Click Here to Start(?:\s*We have started building our professional LinkedIn page\.\s*Follow)?/,
];

/**
 * Cuts board furniture from a posting's page text: trailing sidebars, related-job lists and promotions,
 * plus the board's own blurbs in the header. The text is first capped at MAX_SCANNED_CHARS.
 */
export function cutPageFurniture(text: string): string {
  let posting = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;

  let end = posting.length;
  for (const marker of TRAILING_FURNITURE) {
    const found = marker.exec(posting);
    if (found !== null && found.index > 0 && found.index < end) end = found.index;
  }
  posting = posting.slice(0, end);

  for (const blurb of INLINE_FURNITURE) posting = posting.replace(blurb, ' ');
  return posting;
}

/**
 * Returns the trailing related-jobs block that cutPageFurniture removes from a Standard Arena page,
 * or an empty string. That block is the only place where such a page gives the posting's own age.
 */
export function findRelatedJobsBlock(text: string): string {
  if (!text.includes('Related Jobs') && !text.includes('Recent Jobs')) return '';

  const capped = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text;
  const start = /Related Jobs\s*Showing\s*\d|Recent Jobs\s*Showing\s*\d/.exec(capped);
  return start === null ? '' : capped.slice(start.index);
}
