import { describe, expect, it } from 'vitest';

import { extractSkillPhrases } from './extract-skill-phrases.js';

describe('extractSkillPhrases', () => {
  it('splits the list after a competence cue', () => {
    expect(extractSkillPhrases('Proficiency in Sage Evolution, Tally and QuickBooks.')).toEqual(['sage evolution', 'tally', 'quickbooks']);
  });

  it('trims filler words at both ends', () => {
    expect(extractSkillPhrases('Strong knowledge of the relevant donor compliance rules is required; ')).toEqual(['donor compliance rules']);
  });

  it('keeps acronyms and drops degrees and places', () => {
    expect(extractSkillPhrases('Holder of a BCOM degree; CPA (K) finalist with IFRS and IPSAS in Nairobi, KENYA')).toEqual(['cpa', 'ifrs', 'ipsas']);
  });

  it('drops generic phrases and long clauses', () => {
    expect(extractSkillPhrases('Experience in a similar role. Knowledge of how to work under pressure and deliver results every single day')).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(extractSkillPhrases('')).toEqual([]);
  });
});

describe('extractSkillPhrases on short captures', () => {
  it('keeps a short and-phrase whole', () => {
    expect(extractSkillPhrases('Experience in Monitoring and Evaluation.')).toEqual(['monitoring and evaluation']);
  });

  it('drops a lower-case single word', () => {
    expect(extractSkillPhrases('Knowledge of budgeting; Proficiency in Tally.')).toEqual(['tally']);
  });
});
