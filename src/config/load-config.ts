/**
 * Loads the one typed configuration of a command: flags > environment > `.env` file > defaults,
 * each value validated with zod. An invalid value throws UsageError naming the variable, the
 * `.env` file when the value came from there, the value (masked when secret) and the accepted form.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { findDotEnvFile } from '../lib/env-source.js';
import { UsageError, redactUrl } from '../lib/errors.js';
import { LOG_LEVELS, type LogLevel } from '../lib/log.js';
import { mergeDotEnv } from './dot-env.js';
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

/** Upper bound of normalize worker threads; each one loads its own copy of the normalizers' reference data. */
export const MAX_PROCESS_WORKERS = 64;

export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const flags = options.flags ?? {};
  const env = mergeDotEnv(options.env ?? process.env, cwd);
  const read = (name: string) => nonEmpty(env[name]) ?? findEnvSpec(name).defaultValue;

  const database = resolveDatabase(env, flags, cwd);
  const secrets = collectSecrets(env, database);

  const table = read('LEGACY_SQLITE_TABLE') ?? 'jobs_data';
  if (!IDENTIFIER.test(table)) {
    throw invalidValue('LEGACY_SQLITE_TABLE', table, { dotEnvFile: findDotEnvFile(env, 'LEGACY_SQLITE_TABLE') });
  }
  // `nextke process` reads this variable itself, but checking it here makes a bad value fail
  // before any command starts, named together with the file it came from.
  ensureValidWhenSet('NEXTKE_PROCESS_WORKERS', env, z.coerce.number().int().min(0).max(MAX_PROCESS_WORKERS));

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
  const flagUrl = nonEmpty(flags.databaseUrl);
  if (flagUrl) {
    return parseDatabaseUrl(flagUrl, '--database-url');
  }
  const envUrl = nonEmpty(env.DATABASE_URL);
  if (envUrl) {
    return parseDatabaseUrl(envUrl, 'DATABASE_URL', findDotEnvFile(env, 'DATABASE_URL'));
  }

  if (nonEmpty(env.POSTGRES_HOST) || nonEmpty(env.POSTGRES_DB) || nonEmpty(env.POSTGRES_USER)) {
    return databaseFromParts(env);
  }

  const dataDir = nonEmpty(flags.dataDir) ?? nonEmpty(env.NEXTKE_DATA_DIR) ?? './.nextke';
  return { kind: 'embedded', dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(cwd, dataDir) };
}

/**
 * Parses a postgres:// connection string; exported for tests. `sourceName` is the variable or
 * flag the URL came from, and `dotEnvFile` the `.env` file that set that variable, if one did.
 */
export function parseDatabaseUrl(url: string, sourceName: string, dotEnvFile?: string): DatabaseConfig {
  const invalidUrl = () => invalidValue(sourceName, redactUrl(url), { acceptedForm: findEnvSpec('DATABASE_URL').acceptedForm, dotEnvFile });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl();
  }

  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw invalidUrl();
  }

  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const port = parsed.port ? Number(parsed.port) : 5432;
  if (!parsed.hostname || !database || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw invalidUrl();
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
    throw invalidValue(name, raw ?? '', { dotEnvFile: findDotEnvFile(env, name) });
  }
  return result.data;
}

/** Throws UsageError when `name` is set to a value that `schema` rejects; for variables whose default is a description. */
function ensureValidWhenSet(name: string, env: Record<string, string | undefined>, schema: z.ZodType): void {
  const raw = nonEmpty(env[name]);
  if (raw !== undefined && !schema.safeParse(raw).success) {
    throw invalidValue(name, raw, { dotEnvFile: findDotEnvFile(env, name) });
  }
}

/** Builds the UsageError for a bad value of variable or flag `name`, naming the `.env` file when it came from one. */
function invalidValue(name: string, value: string, where: { acceptedForm?: string; dotEnvFile?: string } = {}): UsageError {
  const spec = ENV_VARIABLES.find((candidate) => candidate.name === name);
  const shown = spec?.isSecret && !value.includes('://') ? '***' : value;
  const form = where.acceptedForm ?? spec?.acceptedForm ?? 'see the README configuration table';
  const origin = where.dotEnvFile === undefined ? '' : ` in .env file ${where.dotEnvFile}`;
  return new UsageError(`invalid ${name}${origin}: ${JSON.stringify(shown)}`, {
    context: where.dotEnvFile === undefined ? { variable: name } : { variable: name, file: where.dotEnvFile },
    hint: `${name} must be ${form}`,
  });
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
