import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { formatOptionIssues } from './format-option-issues.js';

function issuesOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) {
    throw new Error('expected the parse to fail');
  }
  return formatOptionIssues(result.error);
}

describe('formatOptionIssues', () => {
  it('names a camel-case option as its flag', () => {
    const text = issuesOf(z.object({ batchSize: z.number().min(1) }), { batchSize: 0 });
    expect(text).toContain('  - --batch-size: ');
    expect(text).not.toContain('batchSize');
  });

  it('numbers the values of a list flag', () => {
    const text = issuesOf(z.object({ stages: z.array(z.enum(['scrape', 'process'])) }), { stages: ['scrape', 'bogus'] });
    expect(text).toContain('  - --stages (value 2): ');
  });

  it('names a positional argument', () => {
    const text = issuesOf(z.enum(['all', 'overview']), 'nosuch');
    expect(text).toContain('  - argument: ');
  });

  it('starts with a heading line', () => {
    const text = issuesOf(z.object({ limit: z.number() }), { limit: 'x' });
    expect(text.split('\n')[0]).toBe('invalid options:');
  });
});
