import { describe, expect, it } from 'vitest';

import type { TitleFamilyGroup } from '../../db/queries/learn-sources.js';
import { deriveTitleAliases } from './derive-title-aliases.js';
import { titleSimilarity } from './title-similarity.js';

const group = (canonical: string, family: string | null, postings: number): TitleFamilyGroup => ({
  canonical,
  family,
  postings,
  organizations: postings,
  exampleIds: ['1'],
  exampleTitle: canonical,
});

describe('titleSimilarity', () => {
  it('scores spelling variants high', () => {
    expect(titleSimilarity('accounts assistant', 'accountant assistant')).toBeGreaterThanOrEqual(0.8);
  });

  it('expands abbreviations', () => {
    expect(titleSimilarity('hr officer', 'human resource officer')).toBe(1);
  });

  it('scores different jobs low', () => {
    expect(titleSimilarity('sales officer', 'safety officer')).toBeLessThan(0.8);
    expect(titleSimilarity('nurse', 'driver')).toBeLessThan(0.3);
  });
});

describe('deriveTitleAliases', () => {
  const groups = [
    group('accountant assistant', 'finance_accounting', 6),
    group('accounts assistant', 'finance_accounting', 2),
    group('hr officer', null, 2),
    group('human resource officer', 'human_resources', 5),
    group('zookeeper', null, 4),
    group('one-off title', null, 1),
    group('manager', 'management_operations', 9),
    group('pr manager', 'marketing_communications', 2),
  ];

  it('proposes aliases to established titles', () => {
    const proposals = deriveTitleAliases(groups);
    expect(proposals.find((proposal) => proposal.key === 'accounts assistant')).toMatchObject({
      family: 'finance_accounting',
      canonical: 'accountant assistant',
      isNewCanonical: false,
      support: 2,
    });
    expect(proposals.find((proposal) => proposal.key === 'hr officer')).toMatchObject({ canonical: 'human resource officer', family: 'human_resources', confidence: 1 });
  });

  it('proposes an unplaced title with a classifier family', () => {
    const proposals = deriveTitleAliases(groups, { classify: (title) => (title === 'zookeeper' ? { family: 'agriculture_environment', probability: 0.7 } : null) });
    expect(proposals.find((proposal) => proposal.key === 'zookeeper')).toMatchObject({
      canonical: 'zookeeper',
      family: 'agriculture_environment',
      isNewCanonical: true,
      familySource: 'classifier',
      confidence: 0.7,
    });
  });

  it('skips established, one-off and unplaceable titles', () => {
    const keys = deriveTitleAliases(groups).map((proposal) => proposal.key);
    expect(keys).not.toContain('accountant assistant');
    expect(keys).not.toContain('one-off title');
    expect(keys).not.toContain('zookeeper');
  });

  it('never aliases to a generic noun title', () => {
    const keys = deriveTitleAliases(groups).map((proposal) => proposal.key);
    expect(keys).not.toContain('pr manager');
  });
});
