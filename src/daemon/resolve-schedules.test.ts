import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../lib/errors.js';
import { resolveSchedules } from './resolve-schedules.js';

function emptyFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'nextke-schedule-'));
}

describe('resolveSchedules', () => {
  it('uses the defaults in Africa/Nairobi', () => {
    const config = resolveSchedules({}, {}, emptyFolder());

    expect(config.cron).toEqual({ workflow: '0 2 * * *', check: '0 */6 * * *', insights: '0 */4 * * *' });
    expect(config.timezone).toBe('Africa/Nairobi');
    expect(config.sources.workflow).toBe('default');
  });

  it('prefers flag over environment over config file', () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, 'nextke.yaml'), 'schedule:\n  workflow: "0 3 * * *"\n  check: "0 5 * * *"\n  insights: "0 6 * * *"\n  timezone: UTC\n');
    const config = resolveSchedules({ workflow: '0 1 * * *' }, { NEXTKE_SCHEDULE_CHECK: '0 4 * * *' }, folder);

    expect(config.cron).toEqual({ workflow: '0 1 * * *', check: '0 4 * * *', insights: '0 6 * * *' });
    expect(config.timezone).toBe('UTC');
    expect(config.sources.workflow).toBe('--workflow-cron');
    expect(config.sources.check).toBe('NEXTKE_SCHEDULE_CHECK');
    expect(config.sources.insights).toBe(`schedule.insights in ${path.join(folder, 'nextke.yaml')}`);
  });

  it('reads the file NEXTKE_CONFIG names', () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, 'daemon.yaml'), 'schedule:\n  insights: "*/10 * * * * *"\n');
    const config = resolveSchedules({}, { NEXTKE_CONFIG: 'daemon.yaml' }, folder);

    expect(config.cron.insights).toBe('*/10 * * * * *');
  });

  it('rejects a bad expression naming it and its source', () => {
    const attempt = () => resolveSchedules({}, { NEXTKE_SCHEDULE_WORKFLOW: '0 25 * * *' }, emptyFolder());

    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow('invalid cron expression "0 25 * * *" for the workflow schedule (from NEXTKE_SCHEDULE_WORKFLOW): 25 is a invalid expression for hour');
  });

  it('names the .env file of a bad expression', () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, '.env'), 'NEXTKE_SCHEDULE_WORKFLOW=0 25 * * *\n');
    const { env } = loadConfig({ env: {}, cwd: folder });

    expect(() => resolveSchedules({}, env, folder)).toThrow(`(from NEXTKE_SCHEDULE_WORKFLOW in .env file ${path.join(folder, '.env')})`);
  });

  it('rejects an unknown time zone', () => {
    expect(() => resolveSchedules({ timezone: 'Africa/Atlantis' }, {}, emptyFolder())).toThrow('invalid time zone "Africa/Atlantis" (from --timezone)');
  });

  it('rejects an unknown key in the schedule section', () => {
    const folder = emptyFolder();
    writeFileSync(path.join(folder, 'nextke.yaml'), 'schedule:\n  nightly: "0 2 * * *"\n');

    expect(() => resolveSchedules({}, {}, folder)).toThrow(/invalid config file .*nextke.yaml: schedule: Unrecognized key/);
  });
});
