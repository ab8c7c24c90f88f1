/**
 * A small leveled logger that writes one line per event to stderr, as text or as JSON lines.
 * Call shape: a fixed event phrase plus a fields object, so events group and grep well:
 * `log.info('site crawled', { site, pages, durationMs })`.
 */
import { redactSecrets } from './errors.js';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  error(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  debug(event: string, fields?: LogFields): void;
  /** Logs a warning only the first time this event phrase is seen by this logger tree. */
  warnOnce(event: string, fields?: LogFields): void;
  /** Returns a logger that adds `bindings` to every event. */
  child(bindings: LogFields): Logger;
  isEnabled(level: LogLevel): boolean;
}

export interface LogRecord {
  level: LogLevel;
  event: string;
  fields: LogFields;
  time: Date;
}

export interface LoggerOptions {
  level: LogLevel;
  isJson: boolean;
  /** Where lines go; stderr by default so stdout stays for results. */
  write?: (line: string) => void;
  /** Values that must never appear in a line (database passwords). */
  secrets?: readonly string[];
}

const LEVEL_RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** Creates a logger that formats each event as one line. */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const seenOnce = new Set<string>();
  return buildLogger({}, options, write, seenOnce);
}

function buildLogger(bindings: LogFields, options: LoggerOptions, write: (line: string) => void, seenOnce: Set<string>): Logger {
  const isEnabled = (level: LogLevel) => LEVEL_RANK[level] <= LEVEL_RANK[options.level];

  const emit = (level: LogLevel, event: string, fields: LogFields = {}) => {
    if (!isEnabled(level)) {
      return;
    }

    const all = { ...bindings, ...fields };
    const line = options.isJson ? formatJsonLine(level, event, all) : formatTextLine(level, event, all);
    write(redactSecrets(line, options.secrets ?? []));
  };

  return {
    error: (event, fields) => emit('error', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    info: (event, fields) => emit('info', event, fields),
    debug: (event, fields) => emit('debug', event, fields),
    warnOnce: (event, fields) => {
      if (!seenOnce.has(event)) {
        seenOnce.add(event);
        emit('warn', event, fields);
      }
    },
    child: (more) => buildLogger({ ...bindings, ...more }, options, write, seenOnce),
    isEnabled,
  };
}

function formatJsonLine(level: LogLevel, event: string, fields: LogFields): string {
  return JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, jsonReplacer);
}

function formatTextLine(level: LogLevel, event: string, fields: LogFields): string {
  const parts = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${formatTextValue(value)}`);
  return [`${level}:`, event, ...parts].join(' ');
}

function formatTextValue(value: unknown): string {
  if (value instanceof Error) {
    return JSON.stringify(value.message);
  }
  if (typeof value === 'string') {
    return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  }
  return JSON.stringify(value, jsonReplacer) ?? String(value);
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message };
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  return value;
}

/** Creates a logger that keeps every record in memory; for tests that assert logged fields. */
export function createMemoryLogger(level: LogLevel = 'debug'): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const seenOnce = new Set<string>();

  const make = (bindings: LogFields): Logger => {
    const emit = (recordLevel: LogLevel, event: string, fields: LogFields = {}) => {
      if (LEVEL_RANK[recordLevel] <= LEVEL_RANK[level]) {
        records.push({ level: recordLevel, event, fields: { ...bindings, ...fields }, time: new Date() });
      }
    };
    return {
      error: (event, fields) => emit('error', event, fields),
      warn: (event, fields) => emit('warn', event, fields),
      info: (event, fields) => emit('info', event, fields),
      debug: (event, fields) => emit('debug', event, fields),
      warnOnce: (event, fields) => {
        if (!seenOnce.has(event)) {
          seenOnce.add(event);
          emit('warn', event, fields);
        }
      },
      child: (more) => make({ ...bindings, ...more }),
      isEnabled: (candidate) => LEVEL_RANK[candidate] <= LEVEL_RANK[level],
    };
  };

  return Object.assign(make({}), { records });
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger({ level: 'error', isJson: false, write: () => undefined });
