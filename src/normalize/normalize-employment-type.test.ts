import { describe, expect, it } from 'vitest';

import { normalizeEmploymentType } from './normalize-employment-type.js';

describe('normalizeEmploymentType', () => {
  it.each([
    ['Workshop Supervisor Job Type: Full Time, Onsite Qualification: Diploma', 'full_time'],
    ['Operations Team LeaderJob TypeFull TimeQualificationBA/BSc/HND', 'full_time'],
    ['Female Call Center Agent [Type: FULL_TIME, Industry: Computers]', 'full_time'],
    ['HR Intern [Type: INTERN, Industry: Consulting]', 'internship'],
    ['Company: Proto Energy Location: Kenya State: Mombasa Job type: Contract Job category: Driving', 'contract'],
    ['Avagrow Farming\nEngineering & Technology\nOutside Kenya\nPart Time\nAgriculture', 'part_time'],
    ['Plan Manpower Limited\nTrades & Services\nOutside Kenya\nInternship & Graduate\nHospitality', 'internship'],
    ['Anonymous EmployerDriver & Transport ServicesTodayEasy applyNewRest of KenyaFull TimeEnergy', 'full_time'],
  ])('reads the board facet in %j', (text, expected) => {
    expect(normalizeEmploymentType(text)).toBe(expected);
  });

  it.each([
    ['Job Type: Full Time. Compensation: Renewable 1-year performance-based contract.', 'contract'],
    ['Job type: Full-Time. Terms of service: 3 yrs. Contract Salary: As prescribed', 'contract'],
    ['The position is offered on a three (3)-year contract, renewable once.', 'contract'],
    ['Job type: Full-Time. Contract Duration: 5 months (with possibility of extension)', 'contract'],
    ['Job type: Internship. VSO recruits professionals to work as volunteers in their communities.', 'volunteer'],
    ['Job Type: Full Time. The intern will support the KM team.', 'internship'],
    ['Job type: Contract. We are seeking a part-time consultant; the consultant will design workshops.', 'contract'],
    ['This is a permanent and pensionable position.', 'full_time'],
    ['Casual basis, paid daily.', 'temporary'],
    ['We bring relief and recovery and support our relief workers. Job type: Full-Time', 'full_time'],
  ])('lets the body decide in %j', (text, expected) => {
    expect(normalizeEmploymentType(text)).toBe(expected);
  });

  it.each([
    ['Mechanical Engineer Intern', 'internship'],
    ['2024 PP1 Apprentice Teacher (Athi River)', 'internship'],
    ['Maternity Cover – Lower Key Stage 2 Class Teacher', 'temporary'],
    ['Tupande Digital Marketing Coordinator (Fixed-Term)', 'contract'],
    ['Grant Manager – Maternity Reliever', 'temporary'],
  ])('lets the title %j beat a full-time facet', (title, expected) => {
    expect(normalizeEmploymentType('Job type: Full-Time Job category: Education', null, null, title)).toBe(expected);
  });

  it.each([
    ['FULL_TIME', 'full_time'],
    [['PART_TIME', 'CONTRACTOR'], 'contract'],
    ['INTERN', 'internship'],
    ['TEMPORARY', 'temporary'],
    ['VOLUNTEER', 'volunteer'],
    [42, null],
  ])('maps the JSON-LD value %j', (jsonLdType, expected) => {
    expect(normalizeEmploymentType('', null, jsonLdType)).toBe(expected);
  });

  it('uses the labelled facet', () => {
    expect(normalizeEmploymentType('Duties: drive the van.', 'Full Time , Onsite')).toBe('full_time');
  });

  it.each([
    ['Company: University of Kabianga Location: Kenya State: Kericho Job type: Job category: Administrative'],
    ['Peoplelink Consultants Ltd is a consultancy services company. Supervise casuals who may be engaged.'],
    ['Save the Children provides relief and helps support children.'],
    [''],
  ])('returns null when nothing states a type: %j', (text) => {
    expect(normalizeEmploymentType(text)).toBeNull();
  });

  it('ignores job types of other jobs in a related-jobs sidebar', () => {
    const text = 'Driver Job Type: Full Time. Related Jobs Showing 1 - 5 of 9 jobs Data Intern at X Internship 1 day ago';

    expect(normalizeEmploymentType(text)).toBe('full_time');
  });
});
