/**
 * The error hierarchy of nextke. Deep code throws these; only `src/cli/` turns them into
 * exit codes. Each class documents what the pipeline does when it catches one.
 */

/** Exit codes, set only by the CLI. */
export const EXIT_CODE = {
  ok: 0,
  internal: 1,
  usage: 2,
  partial: 3,
  unavailable: 4,
  locked: 5,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT_CODE)[keyof typeof EXIT_CODE];

export interface NextkeErrorOptions {
  context?: Record<string, unknown>;
  hint?: string;
  cause?: unknown;
}

/** Base class: a stable `code`, the exit code it maps to, context for grouping, and a hint for the user. */
export class NextkeError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly context: Record<string, unknown>;
  readonly hint: string | undefined;

  constructor(code: string, exitCode: ExitCode, message: string, options: NextkeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
    this.context = options.context ?? {};
    this.hint = options.hint;
  }
}

/** Bad flags, bad `sites.yaml`, bad environment value. The command stops with exit code 2. */
export class UsageError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_USAGE', EXIT_CODE.usage, message, options);
  }
}

/**
 * An HTTP fetch failed after its retries. The scrape stage counts it per site and goes on;
 * it never stops the run by itself.
 */
export class FetchError extends NextkeError {
  readonly url: string;
  readonly statusCode: number | undefined;
  readonly reason: string;

  constructor(url: string, reason: string, message: string, options: NextkeErrorOptions & { statusCode?: number } = {}) {
    super('E_FETCH', EXIT_CODE.partial, message, { ...options, context: { url: redactUrl(url), reason, ...options.context } });
    this.url = redactUrl(url);
    this.statusCode = options.statusCode;
    this.reason = reason;
  }
}

/** A page no longer matches its site adapter. Not retried; counted as a site-health signal. */
export class ParseError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_PARSE', EXIT_CODE.partial, message, options);
  }
}

/** One record failed validation. It is skipped and tallied, never fatal. */
export class RecordValidationError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_RECORD', EXIT_CODE.partial, message, options);
  }
}

/** A schema migration failed; carries its name and direction. The command stops with exit code 1. */
export class MigrationError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_MIGRATION', EXIT_CODE.internal, message, options);
  }
}

/** The database is unreachable, or every site is down. The command stops with exit code 4. */
export class DependencyUnavailableError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_UNAVAILABLE', EXIT_CODE.unavailable, message, options);
  }
}

/** Another process holds the lock this command needs. The command stops with exit code 5 and names the holder. */
export class LockHeldError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_LOCKED', EXIT_CODE.locked, message, options);
  }
}

/** The run finished but failures crossed the threshold. The command exits 3 after printing its report. */
export class PartialFailureError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_PARTIAL', EXIT_CODE.partial, message, options);
  }
}

/** SIGINT or SIGTERM stopped the command after a clean stop. Exit code 130. */
export class InterruptedError extends NextkeError {
  constructor(message = 'interrupted by signal', options: NextkeErrorOptions = {}) {
    super('E_INTERRUPTED', EXIT_CODE.interrupted, message, options);
  }
}

/** A broken invariant: a bug in nextke. The CLI requests a bug report with the version. */
export class InternalError extends NextkeError {
  constructor(message: string, options: NextkeErrorOptions = {}) {
    super('E_INTERNAL', EXIT_CODE.internal, message, options);
  }
}

/** Replaces the password (and a user-info-only token) in a URL or connection string with `***`. */
export function redactUrl(value: string): string {
  return value.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@/\s]*)@/gi, '$1$2:***@');
}

/** Replaces every occurrence of each secret in a text with `***`. Empty secrets are ignored. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = redactUrl(text);
  for (const secret of secrets) {
    if (secret) {
      redacted = redacted.split(secret).join('***');
    }
  }
  return redacted;
}

/** Returns the message of any thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
