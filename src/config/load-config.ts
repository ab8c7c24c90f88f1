/**
 * Loads the one typed configuration of a command: flags > environment > `.env` file > defaults,
 * each value validated with zod. An invalid value throws UsageError naming the variable, the
 * value (masked when secret) and the accepted form.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';

import { z } from 'zod';

import { UsageError, redactUrl } from '../lib/errors.js';
import { LOG_LEVELS, type LogLevel } from '../lib/log.js';
import { ENV_VARIABLES, findEnvSpec } from './env-spec.js';

export type DatabaseConfig =
  | {
      kind: 'postgres';
      /** Full connection string, password included: never print it; use `displayUrl`. */
      url: string;
      displayUrl: string;
      host: string;
      port: number;
      database: string;
      user: string;
    }
  | { kind: 'embedded'; dataDir: string };

export interface AppConfig {
  database: DatabaseConfig;
  legacy: { sqlitePath: string; table: string };
  scrape: { jobRpm: number; sitesFile: string; contactUrl: string };
  workflow: { qualityThreshold: number; learningThreshold: number; batchSize: number };
  log: { level: LogLevel; isJson: boolean };
  /** Values that must never appear in output: the database password. */
  secrets: string[];
  /** The environment the config was read from (process env merged over `.env`), for stages that read more. */
  env: Record<string, string | undefined>;
}

/** Flags that override the environment; every field optional. */
export interface ConfigFlags {
  databaseUrl?: string;
  dataDir?: string;
  isJson?: boolean;
  isVerbose?: boolean;
  isQuiet?: boolean;
  logLevel?: LogLevel;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  flags?: ConfigFlags;
  cwd?: string;
}

/** The folder nextke is installed in (it contains the shipped sites.yaml and migrations). */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const flags = options.flags ?? {};
  const env = { ...readDotEnv(cwd), ...(options.env ?? process.env) };
  const read = (name: string) => nonEmpty(env[name]) ?? findEnvSpec(name).defaultValue;

  const database = resolveDatabase(env, flags, cwd);
  const secrets = collectSecrets(env, database);

  const table = read('LEGACY_SQLITE_TABLE') ?? 'jobs_data';
  if (!IDENTIFIER.test(table)) {
    throw invalidValue('LEGACY_SQLITE_TABLE', table);
  }

  return {
    database,
    legacy: { sqlitePath: path.resolve(cwd, read('LEGACY_SQLITE_PATH') ?? 'db/jobs.sqlite3'), table },
    scrape: {
      jobRpm: parseWith('JOB_RPM', env, z.coerce.number().int().min(1).max(6000)),
      sitesFile: resolveSitesFile(env, cwd),
      contactUrl: parseWith('NEXTKE_CONTACT_URL', env, z.string().regex(/^(https?:\/\/|mailto:)\S+$/)),
    },
    workflow: {
      qualityThreshold: parseWith('WORKFLOW_QUALITY_THRESHOLD', env, z.coerce.number().min(0).max(1)),
      learningThreshold: parseWith('WORKFLOW_LEARNING_THRESHOLD', env, z.coerce.number().int().min(0)),
      batchSize: parseWith('WORKFLOW_BATCH_SIZE', env, z.coerce.number().int().min(1).max(100_000)),
    },
    log: { level: resolveLogLevel(env, flags), isJson: flags.isJson ?? false },
    secrets,
    env,
  };
}

function resolveDatabase(env: Record<string, string | undefined>, flags: ConfigFlags, cwd: string): DatabaseConfig {
  const url = nonEmpty(flags.databaseUrl) ?? nonEmpty(env.DATABASE_URL);
  if (url) {
    return parseDatabaseUrl(url, flags.databaseUrl ? '--database-url' : 'DATABASE_URL');
  }

  if (nonEmpty(env.POSTGRES_HOST) || nonEmpty(env.POSTGRES_DB) || nonEmpty(env.POSTGRES_USER)) {
    return databaseFromParts(env);
  }

  const dataDir = nonEmpty(flags.dataDir) ?? nonEmpty(env.NEXTKE_DATA_DIR) ?? './.nextke';
  return { kind: 'embedded', dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(cwd, dataDir) };
}

/** Parses a postgres:// connection string; exported for tests. */
export function parseDatabaseUrl(url: string, sourceName: string): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidValue(sourceName, redactUrl(url), findEnvSpec('DATABASE_URL').acceptedForm);
  }

  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw invalidValue(sourceName, redactUrl(url), findEnvSpec('DATABASE_URL').acceptedForm);
  }

  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!parsed.hostname || !database || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidValue(sourceName, redactUrl(url), findEnvSpec('DATABASE_URL').acceptedForm);
  }

  return {
    kind: 'postgres',
    url,
    displayUrl: redactUrl(url),
    host: parsed.hostname,
    port,
    database,
    user: decodeURIComponent(parsed.username) || 'postgres',
  };
}

function databaseFromParts(env: Record<string, string | undefined>): DatabaseConfig {
  const host = nonEmpty(env.POSTGRES_HOST) ?? '127.0.0.1';
  const port = parseWith('POSTGRES_PORT', env, z.coerce.number().int().min(1).max(65535));
  const user = nonEmpty(env.POSTGRES_USER) ?? 'postgres';
  const database = nonEmpty(env.POSTGRES_DB) ?? 'nextke';
  const password = nonEmpty(env.POSTGRES_PASSWORD);

  const credentials = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user);
  const hostPart = host.includes(':') ? `[${host}]` : host;
  const url = `postgres://${credentials}@${hostPart}:${port}/${encodeURIComponent(database)}`;
  return { kind: 'postgres', url, displayUrl: redactUrl(url), host, port, database, user };
}

function collectSecrets(env: Record<string, string | undefined>, database: DatabaseConfig): string[] {
  const secrets = new Set<string>();
  const password = nonEmpty(env.POSTGRES_PASSWORD);
  if (password) {
    secrets.add(password);
    secrets.add(encodeURIComponent(password));
  }

  if (database.kind === 'postgres') {
    const urlPassword = new URL(database.url).password;
    if (urlPassword) {
      secrets.add(urlPassword);
      secrets.add(decodeURIComponent(urlPassword));
    }
  }
  return [...secrets];
}

function resolveLogLevel(env: Record<string, string | undefined>, flags: ConfigFlags): LogLevel {
  if (flags.logLevel) {
    return flags.logLevel;
  }
  if (flags.isVerbose) {
    return 'debug';
  }
  if (flags.isQuiet) {
    return 'error';
  }
  return parseWith('NEXTKE_LOG_LEVEL', env, z.enum(LOG_LEVELS));
}

function resolveSitesFile(env: Record<string, string | undefined>, cwd: string): string {
  const fromEnv = nonEmpty(env.NEXTKE_SITES_FILE);
  if (fromEnv) {
    return path.resolve(cwd, fromEnv);
  }

  const local = path.resolve(cwd, 'sites.yaml');
  return existsSync(local) ? local : path.join(PACKAGE_ROOT, 'sites.yaml');
}

function parseWith<T>(name: string, env: Record<string, string | undefined>, schema: z.ZodType<T>): T {
  const spec = findEnvSpec(name);
  const raw = nonEmpty(env[name]) ?? spec.defaultValue;
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw invalidValue(name, raw ?? '');
  }
  return result.data;
}

function invalidValue(name: string, value: string, acceptedForm?: string): UsageError {
  const spec = ENV_VARIABLES.find((candidate) => candidate.name === name);
  const shown = spec?.isSecret && !value.includes('://') ? '***' : value;
  const form = acceptedForm ?? spec?.acceptedForm ?? 'see the README configuration table';
  return new UsageError(`invalid ${name}: ${JSON.stringify(shown)}`, {
    context: { variable: name },
    hint: `${name} must be ${form}`,
  });
}

/** Reads `.env` in the working folder, if any. Lines already set in the environment win. */
function readDotEnv(cwd: string): Record<string, string> {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) {
    return {};
  }

  try {
    return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new UsageError(`invalid .env file ${file}`, { cause: error, hint: 'use NAME=value lines' });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) {
      return start;
    }
    folder = parent;
  }
  return folder;
}
