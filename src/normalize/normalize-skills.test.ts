import { describe, expect, it } from 'vitest';

import { MAX_SKILLS, normalizeSkills, requirementsSection } from './normalize-skills.js';

function names(text: string, options = {}): string[] {
  return normalizeSkills(text, options).map((skill) => skill.name);
}

describe('normalizeSkills', () => {
  it.each([
    ['Proficiency in QuickBooks and Sage Pastel is required.', ['quickbooks', 'sage']],
    ['Requirements: Strong SQL, Python and Power BI skills.', ['power bi', 'python', 'sql']],
    ['Knowledge of IFRS and experience with bank reconciliations.', ['bank reconciliation', 'ifrs']],
    ['Qualifications: Experience with STATA, SPSS or R programming.', ['r', 'spss', 'stata']],
    ['Must be proficient in MS Excel and MS Word.', ['excel', 'word']],
    ['Experience with C++ and C# on embedded devices.', ['c#', 'c++']],
    ['Requirements: hands-on Node.js, ReactJS and Docker.', ['docker', 'node.js', 'react']],
  ])('finds the tools in %s', (text, expected) => {
    expect(names(text).sort()).toEqual(expected);
  });

  it.each([
    ['a lone capital R', 'Grade R teachers are needed in R & D.'],
    ['the word "word"', 'Give your word on delivery; word of mouth matters.'],
    ['"access" as a verb', 'Staff need access to the stores.'],
    ['"swift" as an adjective', 'We deliver swift service.'],
    ['"driving" growth', 'You will be driving growth across the region.'],
  ])('ignores %s', (_case, text) => {
    expect(names(text)).toEqual([]);
  });

  it('keeps soft skills only in the requirements', () => {
    expect(names('You will improve communication across teams.')).toEqual([]);
    expect(names('Requirements: Excellent communication skills.')).toEqual(['communication']);
  });

  it('takes languages only with a fluency cue', () => {
    expect(names('Must be fluent in English and Kiswahili.').sort()).toEqual(['english', 'kiswahili']);
    expect(names('The English Premier League sponsor is hiring.')).toEqual([]);
  });

  it('ranks requirement skills above duty skills', () => {
    const skills = normalizeSkills('Duties: prepare budgets. Requirements: Advanced Excel.');

    expect(skills[0]).toEqual({ name: 'excel', confidence: 0.85 });
    expect(skills[1]?.name).toBe('budgeting');
    expect(skills[1]!.confidence).toBeLessThan(skills[0]!.confidence);
  });

  it('keeps at most eight skills', () => {
    const text = 'Requirements: Java, Python, SQL, Docker, Kubernetes, Git, Kafka, Redis, Terraform, Ansible, Jira.';

    expect(normalizeSkills(text)).toHaveLength(MAX_SKILLS);
  });

  it('matches learned skills passed at run time', () => {
    const extraSkills = [{ name: 'm-pesa integration', aliases: ['daraja api'], category: 'software' }];

    expect(names('Experience with the Daraja API is a plus.', { extraSkills })).toEqual(['m-pesa integration']);
  });

  it('returns no skills for null text', () => {
    expect(normalizeSkills(null)).toEqual([]);
  });
});

describe('requirementsSection', () => {
  it('runs from the first requirements heading to the application heading', () => {
    const text = 'Duties: file records. Qualifications: Diploma, Excel. How to Apply: email us.';

    expect(requirementsSection(text)).toBe('Qualifications: Diploma, Excel. ');
  });

  it('returns an empty string when there is no heading', () => {
    expect(requirementsSection('We sell shoes.')).toBe('');
  });
});
