/**
 * Removes job-board page furniture from scraped posting text: sidebars that list other
 * jobs (with their own salaries and towns), share buttons, safety banners and application
 * forms. Normalizers read only what is left, because furniture would otherwise leak other
 * postings' facts into this one.
 */

// Everything after one of these belongs to other postings or to the site, never to this job.
const TRAILING_SECTIONS: readonly RegExp[] = [
  /\bRelated Jobs\s+Showing\s+\d/,
  /\bRecent Jobs\s+Showing\s+\d/,
  /\bImportant safety tips\b/,
  /\bBuild your CV for free\b/,
  /\bApply for this Job\s+Name\s*\*/,
  /\bUpload resum[eé]\b/,
];

// Sites append "Read More" followed by links to unrelated articles near the end of the page.
const READ_MORE = 'Read More';
const READ_MORE_TAIL_MAX_CHARS = 1500;

const BOILERPLATE: readonly RegExp[] = [
  /Share link\s*Share on WhatsApp\s*Share on LinkedIn\s*Share on Facebook\s*Share on Twitter\s*Share via SMS/gi,
  /Recruit candidates with Ease\.[\s\S]{0,160}?Post a Job/gi,
  /Resubmit your Resume Today\.\s*Click Here to Start/gi,
  /We have started building our professional LinkedIn page\.\s*Follow/gi,
  /Don['’]t Keep Share!\s*:?\s*WhatsApp\s*Tweet/gi,
  /Never pay for any notarisation, certificate or assessment as part of any recruitment process\.\s*When in doubt,?\s*contact us/gi,
  /🔒?\s*Don['’]t Miss This Chance!\s*Login & Apply Now/gi,
  /Before applying for this position you need to submit your online resume\s*\.?\s*Click the button below to continue\.\s*(?:Resume Writing)?/gi,
  /Do not make any payment without confirming with the [\w ]{2,40} Team\./gi,
  /If you think this advert is not genuine, please report it via the Report Job link below\.\s*(?:Report Job)?/gi,
  /Check how your CV aligns with this job/gi,
  // A board's category links ("Driving Jobs in Kenya - Procurement Jobs in Kenya") say nothing about this job.
  /(?:[\w&/,.'’ -]{2,60}?\s+Jobs\s+in\s+Kenya\s*-?\s*)+/g,
];

/** Returns the posting text without page furniture; the input is never modified. */
export function stripPageFurniture(text: string): string {
  let kept = text;
  for (const marker of TRAILING_SECTIONS) {
    const found = marker.exec(kept);
    if (found !== null) kept = kept.slice(0, found.index);
  }

  const readMoreAt = kept.lastIndexOf(READ_MORE);
  if (readMoreAt >= 0 && kept.length - readMoreAt < READ_MORE_TAIL_MAX_CHARS) kept = kept.slice(0, readMoreAt);

  for (const pattern of BOILERPLATE) kept = kept.replace(pattern, ' ');
  return kept;
}
