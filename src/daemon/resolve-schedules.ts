/**
 * Resolves the daemon's cron expressions and time zone: flag > environment > the `schedule:`
 * section of the config file > default. Every expression is validated here, at start, so a
 * typo stops the daemon at once (exit 2) instead of at 02:00.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { validateDetailed } from 'node-cron';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

import { findEnvSpec } from '../config/env-spec.js';
import { describeEnvSource } from '../lib/env-source.js';
import { UsageError } from '../lib/errors.js';

export const SCHEDULE_NAMES = ['workflow', 'check', 'insights'] as const;
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];

const ENV_NAMES: Record<ScheduleName | 'timezone', string> = {
  workflow: 'NEXTKE_SCHEDULE_WORKFLOW',
  check: 'NEXTKE_SCHEDULE_CHECK',
  insights: 'NEXTKE_SCHEDULE_INSIGHTS',
  timezone: 'NEXTKE_SCHEDULE_TIMEZONE',
};

export type ScheduleFlags = Partial<Record<ScheduleName | 'timezone', string>>;

export interface ScheduleConfig {
  cron: Record<ScheduleName, string>;
  timezone: string;
  /** The source of each value (flag, variable, file or default), for messages. */
  sources: Record<ScheduleName | 'timezone', string>;
}

const configFileSchema = z
  .object({
    schedule: z
      .object({
        workflow: z.string().optional(),
        check: z.string().optional(),
        insights: z.string().optional(),
        timezone: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough();

/** Resolves and validates every schedule. Throws UsageError naming the bad expression and where it came from. */
export function resolveSchedules(flags: ScheduleFlags, env: Record<string, string | undefined>, cwd: string): ScheduleConfig {
  const configFile = findConfigFile(env, cwd);
  const fromFile = configFile ? readScheduleSection(configFile) : {};

  const pick = (name: ScheduleName | 'timezone'): [string, string] => {
    const envName = ENV_NAMES[name];
    const flagValue = flags[name]?.trim();
    if (flagValue) {
      return [flagValue, `--${name === 'timezone' ? 'timezone' : `${name}-cron`}`];
    }
    const envValue = env[envName]?.trim();
    if (envValue) {
      return [envValue, describeEnvSource(env, envName)];
    }
    const fileValue = fromFile[name]?.trim();
    if (fileValue && configFile) {
      return [fileValue, `schedule.${name} in ${configFile}`];
    }
    return [findEnvSpec(envName).defaultValue ?? '', 'default'];
  };

  const [timezone, timezoneSource] = pick('timezone');
  ensureTimeZoneIsValid(timezone, timezoneSource);

  const cron = {} as Record<ScheduleName, string>;
  const sources = { timezone: timezoneSource } as Record<ScheduleName | 'timezone', string>;
  for (const name of SCHEDULE_NAMES) {
    const [expression, source] = pick(name);
    ensureCronIsValid(name, expression, source);
    cron[name] = expression;
    sources[name] = source;
  }
  return { cron, timezone, sources };
}

function findConfigFile(env: Record<string, string | undefined>, cwd: string): string | null {
  const fromEnv = env.NEXTKE_CONFIG?.trim();
  if (fromEnv) {
    return path.resolve(cwd, fromEnv);
  }

  const local = path.join(cwd, 'nextke.yaml');
  return existsSync(local) ? local : null;
}

function readScheduleSection(file: string): ScheduleFlags {
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read config file ${file}: ${(error as Error).message}`, {
      cause: error,
      hint: 'fix the YAML, or point NEXTKE_CONFIG at another file',
    });
  }

  const result = configFileSchema.safeParse(document ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new UsageError(`invalid config file ${file}: ${issues}`, {
      hint: 'the schedule section takes workflow, check and insights (cron expressions) and timezone',
    });
  }
  return result.data.schedule ?? {};
}

/** Throws UsageError when `expression` is not a cron expression node-cron accepts. */
export function ensureCronIsValid(name: string, expression: string, source: string): void {
  const validation = validateDetailed(expression);
  if (validation.valid) {
    return;
  }

  const reasons = validation.errors.map((error) => error.message).join('; ');
  throw new UsageError(`invalid cron expression ${JSON.stringify(expression)} for the ${name} schedule (from ${source})${reasons ? `: ${reasons}` : ''}`, {
    context: { schedule: name, expression, source },
    hint: 'use 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, e.g. "0 2 * * *" for 02:00 daily',
  });
}

function ensureTimeZoneIsValid(timezone: string, source: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch (error) {
    throw new UsageError(`invalid time zone ${JSON.stringify(timezone)} (from ${source})`, {
      cause: error,
      hint: 'use an IANA time zone name such as Africa/Nairobi or UTC',
    });
  }
}
