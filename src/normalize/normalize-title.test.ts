import { describe, expect, it } from 'vitest';

import { cleanTitle, detectSeniority, normalizeTitle } from './normalize-title.js';

describe('normalizeTitle', () => {
  it.each([
    ['Junior Accountant', 'finance_accounting', 'accountant'],
    ['Tax Associate at KPMG Kenya', 'finance_accounting', 'tax associate'],
    ['Credit Officers (3 Posts) at Faulu Microfinance Bank', 'finance_accounting', 'credit officer'],
    ['Senior Frontend Developer (React) - Remote', 'technology', 'frontend developer react'],
    ['ICT Officer II – Networks', 'technology', 'ict officer'],
    ['Monitoring and Evaluation Officer', 'data_research', 'monitoring and evaluation officer'],
    ['Graphic Designer', 'creative_design', 'graphic designer'],
    ['Registered Nurses (Entry Level) – 5 Posts', 'healthcare', 'registered nurse'],
    ['Clinical Officer – Kisumu', 'healthcare', 'clinical officer'],
    ['Customer Care Agent', 'customer_service', 'customer care agent'],
    ['Telesales Agents at Acme', 'sales_business_development', 'telesales agent'],
    ['Marketing & Communications Lead', 'marketing_communications', 'marketing and communications lead'],
    ['Procurement Assistant - Re-advertised', 'supply_chain_logistics', 'procurement assistant'],
    ['Truck Drivers', 'supply_chain_logistics', 'truck driver'],
    ['HR Business Partner', 'human_resources', 'hr business partner'],
    ['Legal Counsel – Fixed-Term', 'legal_risk_compliance', 'legal counsel'],
    ['Sous Chef', 'hospitality_food', 'sous chef'],
    ['Security Guards', 'security', 'security guard'],
    ['Farm Manager – Naivasha', 'agriculture_environment', 'farm manager'],
    ['Office Cleaner', 'cleaning_domestic', 'office cleaner'],
    ['Primary School Teacher (Maternity Cover)', 'education_training', 'primary school teacher'],
    ['Welder', 'skilled_trades', 'welder'],
    ['Project Officer – WASH', 'programs_development', 'project officer'],
    ['General Manager', 'management_operations', 'general manager'],
    ['Sign Language Interpreter', 'other', 'sign language interpreter'],
    ['Civil Engineer I/II – Job Group K', 'engineering_technical', 'civil engineer'],
  ])('classifies %s', (title, family, canonical) => {
    const result = normalizeTitle(title);

    expect(result.family).toBe(family);
    expect(result.canonical).toBe(canonical);
  });

  it('reads a generic title from the body', () => {
    const result = normalizeTitle('Intern', { text: 'Join our software team: you will write React and Python code for our IT solutions.' });

    expect(result.family).toBe('technology');
    expect(result.confidence).toBeLessThan(0.5);
  });

  it('files an untitled volunteer role under programmes', () => {
    expect(normalizeTitle('VSA Role 12', { employmentType: 'volunteer' }).family).toBe('programs_development');
  });

  it('uses a learned alias before the cues', () => {
    const aliases = new Map([['boda rider', { family: 'supply_chain_logistics' as const, canonical: 'motorcycle rider' }]]);
    const result = normalizeTitle('Boda Rider', { aliases });

    expect(result.family).toBe('supply_chain_logistics');
    expect(result.canonical).toBe('motorcycle rider');
    expect(result.confidence).toBe(0.95);
  });

  it('flags an advert for several positions', () => {
    const result = normalizeTitle('15 Vacancies at Kenya Power');

    expect(result.isMultiPosition).toBe(true);
    expect(result.family).toBeNull();
  });

  it('returns nulls for a missing title', () => {
    expect(normalizeTitle(null)).toEqual({ family: null, canonical: null, seniority: 'mid', confidence: 0, isMultiPosition: false });
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Accountant – 2 Posts', 'Accountant'],
    ['URGENT: Receptionist', 'Receptionist'],
    ['Officer – Community Health – Kilifi', 'Community Health Officer'],
    ['Intern – Human Resources', 'Human Resources Intern'],
    ['Driver (Nanyuki)', 'Driver'],
    ['Assistant Lecturer Grade 12 REF: UON/AL/2024', 'Assistant Lecturer'],
    ['Sales Manager: Kenya', 'Sales Manager'],
  ])('cleans %s', (title, cleaned) => {
    expect(cleanTitle(title)).toBe(cleaned);
  });
});

describe('detectSeniority', () => {
  it.each([
    ['Graduate Trainee', 'intern'],
    ['Chief Executive Officer', 'executive'],
    ['Assistant Director, Finance', 'executive'],
    ['County Chief Officer – Health', 'executive'],
    ['Assistant Relationship Manager', 'manager'],
    ['Head of Sales', 'manager'],
    ['Deputy Principal', 'manager'],
    ['Chief Engineer', 'senior'],
    ['Principal Engineer', 'senior'],
    ['Team Leader, Operations', 'senior'],
    ['Junior Accountant', 'entry'],
    ['Room Attendant', 'entry'],
    ['Intermediate Developer', 'mid'],
  ])('ranks %s as %s', (title, seniority) => {
    expect(detectSeniority(title)).toBe(seniority);
  });

  it.each([
    [0, 'entry'],
    [1, 'entry'],
    [3, 'mid'],
    [5, 'senior'],
    [null, 'mid'],
  ] as const)('falls back to %s years', (years, seniority) => {
    expect(detectSeniority('Accountant', { experienceYears: years })).toBe(seniority);
  });

  it('makes any internship employment an intern', () => {
    expect(detectSeniority('Software Developer', { employmentType: 'internship' })).toBe('intern');
  });
});
