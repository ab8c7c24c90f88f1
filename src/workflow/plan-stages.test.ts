import { describe, expect, it } from 'vitest';

import { UsageError } from '../lib/errors.js';
import { planResumedStages, planStages } from './plan-stages.js';

describe('planStages', () => {
  it('plans the five daily stages without a legacy file', () => {
    expect(planStages({ hasMigrateFrom: false })).toEqual(['scrape', 'process', 'learn', 'optimize', 'insights']);
  });

  it('puts migrate first with a legacy file', () => {
    expect(planStages({ hasMigrateFrom: true })).toEqual(['migrate', 'scrape', 'process', 'learn', 'optimize', 'insights']);
  });

  it('keeps workflow order for --stages given out of order', () => {
    expect(planStages({ stages: ['insights', 'scrape'], hasMigrateFrom: false })).toEqual(['scrape', 'insights']);
  });

  it('starts at --from', () => {
    expect(planStages({ fromStage: 'learn', hasMigrateFrom: true })).toEqual(['learn', 'optimize', 'insights']);
  });

  it('rejects --from outside the selected stages', () => {
    expect(() => planStages({ stages: ['scrape'], fromStage: 'learn', hasMigrateFrom: false })).toThrow(UsageError);
  });

  it('rejects migrate without a legacy file', () => {
    expect(() => planStages({ stages: ['migrate'], hasMigrateFrom: false })).toThrow(/needs a legacy file/);
  });
});

describe('planResumedStages', () => {
  it('starts at the first unfinished stage', () => {
    const previous = [
      { name: 'scrape', status: 'partial' },
      { name: 'process', status: 'interrupted' },
      { name: 'learn', status: 'pending' },
    ];
    expect(planResumedStages(previous)).toEqual(['process', 'learn']);
  });

  it('treats skipped stages as finished', () => {
    const previous = [
      { name: 'optimize', status: 'skipped' },
      { name: 'insights', status: 'failed' },
    ];
    expect(planResumedStages(previous)).toEqual(['insights']);
  });

  it('returns nothing when every stage finished', () => {
    expect(planResumedStages([{ name: 'scrape', status: 'succeeded' }])).toEqual([]);
  });
});
