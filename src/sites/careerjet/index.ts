/**
 * CareerJet Kenya, an aggregator on the engine shared by every careerjet.* site. Detail pages show
 * no JSON-LD and no labelled fields, only `ul.details` items in a fixed order.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

import { createConfiguredAdapter } from '../configured-adapter.js';
import type { PostingFields } from '../extract/posting-fields.js';
import { cleanInline } from '../html-text.js';
import type { SiteConfig } from '../site-config.js';
import type { SiteAdapter } from '../types.js';

export function createCareerJetAdapter(site: SiteConfig): SiteAdapter {
  return createConfiguredAdapter(site, { readBoardFields });
}

function readBoardFields($: CheerioAPI, container: Cheerio<AnyNode>): Partial<PostingFields> {
  // QUIRK(careerjet): `ul.details` lists location, contract type, then working time, without labels.
  const details = container.find('header ul.details li').toArray().map((element) => cleanInline($(element).text()));
  const contract = details.slice(1).filter((value): value is string => value !== null);

  return { employmentType: contract.length > 0 ? contract.join(', ') : null };
}
