import { describe, expect, it } from 'vitest';

import { parseTitleClassifierModel, predictTitleFamily, titleFeatures, trainTitleClassifier } from './title-classifier.js';

const TRAINING = [
  { title: 'Accountant', family: 'finance_accounting', weight: 3 },
  { title: 'Senior Accountant', family: 'finance_accounting', weight: 1 },
  { title: 'Finance Officer', family: 'finance_accounting', weight: 2 },
  { title: 'Software Developer', family: 'technology', weight: 2 },
  { title: 'Software Engineer', family: 'technology', weight: 1 },
  { title: 'ICT Officer', family: 'technology', weight: 1 },
] as const;

describe('titleFeatures', () => {
  it('keeps singular words and adjacent pairs', () => {
    expect(titleFeatures('Accounts Assistants for Kenya 2')).toEqual(['account', 'assistant', 'account assistant']);
  });
});

describe('predictTitleFamily', () => {
  const model = trainTitleClassifier(TRAINING);

  it('picks the family whose words the title shares', () => {
    expect(predictTitleFamily(model, 'Junior Software Tester')?.family).toBe('technology');
    expect(predictTitleFamily(model, 'Finance Assistant')?.family).toBe('finance_accounting');
  });

  it('computes the posterior by hand for a one-word title', () => {
    // Vocabulary: accountant, senior, senior accountant, finance, officer, finance officer, software,
    // developer, software developer, engineer, software engineer, ict, ict officer = 13 features.
    // finance: 6 documents, features 3 + 3 + 6 = 12, count(officer) = 2; technology: 4 documents,
    // features 6 + 3 + 3 = 12, count(officer) = 1.
    const financeScore = (6 / 10) * ((2 + 1) / (12 + 13));
    const technologyScore = (4 / 10) * ((1 + 1) / (12 + 13));
    const prediction = predictTitleFamily(model, 'Officer');
    expect(prediction?.family).toBe('finance_accounting');
    expect(prediction?.probability).toBeCloseTo(financeScore / (financeScore + technologyScore), 10);
  });

  it('returns null for a title with no known word', () => {
    expect(predictTitleFamily(model, 'Chef')).toBeNull();
  });

  it('returns null for an empty model', () => {
    expect(predictTitleFamily(trainTitleClassifier([]), 'Accountant')).toBeNull();
  });
});

describe('parseTitleClassifierModel', () => {
  it('accepts a trained model after a JSON round trip', () => {
    const model = trainTitleClassifier(TRAINING);
    expect(parseTitleClassifierModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
  });

  it('rejects other shapes', () => {
    expect(parseTitleClassifierModel({ version: 2 })).toBeNull();
    expect(parseTitleClassifierModel({ version: 1, documents: 1, vocabularySize: 1, families: { astronaut: {} } })).toBeNull();
    expect(parseTitleClassifierModel(null)).toBeNull();
  });
});
