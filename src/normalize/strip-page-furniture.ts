/**
 * Removes job-board page furniture from scraped posting text. cutPageFurniture cuts the
 * trailing sidebars and forms. This also removes the inline pieces between a posting's own
 * lines (share buttons, safety banners, category links), so the title, location and skill
 * normalizers see only the posting.
 */
import { cutPageFurniture } from './cut-page-furniture.js';

const INLINE_BOILERPLATE: readonly RegExp[] = [
  /Share link\s*Share on WhatsApp\s*Share on LinkedIn\s*Share on Facebook\s*Share on Twitter\s*Share via SMS/gi,
  /We have started building our professional LinkedIn page\.\s*Follow/gi,
  /Don['’]t Keep Share!\s*:?\s*WhatsApp\s*Tweet/gi,
  /Never pay for any notarisation, certificate or assessment as part of any recruitment process\.\s*When in doubt,?\s*contact us/gi,
  /🔒?\s*Don['’]t Miss This Chance!\s*Login & Apply Now/gi,
  /Before applying for this position you need to submit your online resume\s*\.?\s*Click the button below to continue\.\s*(?:Resume Writing)?/gi,
  // QUIRK(jobwebkenya): category links ("Job category: Driving Jobs in Kenya - Procurement Jobs in Kenya") carry no facts about this job.
  /Job category:[^\n]{0,200}?Jobs in Kenya(?:\s*-\s*[^\n-]{0,80}?Jobs in Kenya)*/g,
];

/** Returns the posting text without page furniture, capped like cutPageFurniture. */
export function stripPageFurniture(text: string): string {
  let kept = cutPageFurniture(text);
  for (const pattern of INLINE_BOILERPLATE) kept = kept.replace(pattern, ' ');
  return kept;
}
