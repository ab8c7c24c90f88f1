import { createTask } from 'node-cron';

import { SCHEDULE_NAMES, type ScheduleConfig } from './resolve-schedules.js';

/** Returns each schedule's next fire time as an ISO string, computed by node-cron without starting a timer. */
export function findNextFireTimes(schedules: ScheduleConfig): Record<string, string | null> {
  return Object.fromEntries(
    SCHEDULE_NAMES.map((name) => {
      const task = createTask(schedules.cron[name], () => undefined, { timezone: schedules.timezone });
      return [name, task.getNextRuns(1)[0]?.toISOString() ?? null];
    }),
  );
}
