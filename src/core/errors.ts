/**
 * The one error type of PatchWarden. Every code lives in ERROR_CODES with a static message, the
 * HTTP status the API answers with, and the CLI exit code. Variable data goes in `details`
 * (file names, JSON pointers, identifiers — never PHI). docs/errors.md is tested against this map.
 */

/** CLI exit codes (STYLE.md): one table, used by every command. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  upstream: 3,
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

interface ErrorSpec {
  readonly status: number;
  readonly exit: ExitCode;
  readonly message: string;
}

export const ERROR_CODES = {
  USAGE: { status: 400, exit: EXIT.usage, message: 'Invalid command-line usage' },
  INPUT_NOT_FOUND: { status: 404, exit: EXIT.usage, message: 'Input file or folder not found' },
  INPUT_UNREADABLE: { status: 400, exit: EXIT.usage, message: 'Input could not be read' },
  INPUT_TOO_LARGE: { status: 413, exit: EXIT.usage, message: 'Input is larger than the configured limit' },
  INPUT_MALFORMED_JSON: { status: 400, exit: EXIT.usage, message: 'Input is not well-formed JSON' },
  INPUT_MALFORMED_YAML: { status: 400, exit: EXIT.usage, message: 'Input is not well-formed YAML' },
  INPUT_MALFORMED_XML: {
    status: 400,
    exit: EXIT.usage,
    message: 'Input is not well-formed XML, or declares a DTD',
  },
  INPUT_UNRECOGNISED: { status: 400, exit: EXIT.usage, message: 'Input format is not recognised' },
  INPUT_UNSUPPORTED_SPEC: {
    status: 400,
    exit: EXIT.usage,
    message: 'Input declares a specification version that is not supported',
  },
  INPUT_SCHEMA: { status: 400, exit: EXIT.usage, message: 'Input does not match its schema' },
  INPUT_EMPTY: { status: 400, exit: EXIT.usage, message: 'Input holds no records' },
  ECOSYSTEM_UNSUPPORTED: {
    status: 400,
    exit: EXIT.usage,
    message: 'Ecosystem has no version scheme implemented yet',
  },
  VERSION_INVALID: { status: 400, exit: EXIT.usage, message: 'Version is not valid in its ecosystem' },
  POLICY_INVALID: { status: 400, exit: EXIT.usage, message: 'Policy is not valid' },
  NOT_FOUND: { status: 404, exit: EXIT.usage, message: 'Resource not found' },
  NOT_PERMITTED: { status: 403, exit: EXIT.usage, message: 'Not permitted for this actor or in this state' },
  DB_UNAVAILABLE: { status: 503, exit: EXIT.upstream, message: 'Database is unavailable' },
  DB_MIGRATION_FAILED: { status: 500, exit: EXIT.internal, message: 'Database migration failed' },
  DB_MIGRATION_CHANGED: {
    status: 500,
    exit: EXIT.internal,
    message: 'An applied database migration was modified after it ran',
  },
  CLOUD_CREDENTIALS: {
    status: 401,
    exit: EXIT.upstream,
    message: 'Cloud credentials are missing, expired or not accepted',
  },
  CLOUD_THROTTLED: {
    status: 503,
    exit: EXIT.upstream,
    message: 'Cloud API kept throttling after every retry',
  },
  CLOUD_API: { status: 502, exit: EXIT.upstream, message: 'Cloud API call failed' },
  FEED_UNAVAILABLE: {
    status: 502,
    exit: EXIT.upstream,
    message: 'Feed source is unavailable or the download did not complete',
  },
  FEED_CHECKSUM: {
    status: 502,
    exit: EXIT.upstream,
    message: 'Downloaded feed file does not match the checksum its source publishes',
  },
  FEED_INVALID: {
    status: 502,
    exit: EXIT.upstream,
    message: 'Downloaded feed file failed validation; the previous data stays in force',
  },
  AUDIT_APPEND_ONLY: { status: 409, exit: EXIT.internal, message: 'Audit events are append-only' },
  AUDIT_CHAIN_BROKEN: { status: 409, exit: EXIT.findings, message: 'Audit chain verification failed' },
  INTERNAL: { status: 500, exit: EXIT.internal, message: 'Internal error' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Identifiers that locate a problem: which file, where in it, and what was wrong. */
export interface ErrorDetails {
  file?: string;
  pointer?: string;
  line?: number;
  column?: number;
  reason?: string;
  [key: string]: unknown;
}

/** The error everything thrown is normalised into at the CLI and API edges. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(ERROR_CODES[code].message, options);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): ExitCode {
    return ERROR_CODES[this.code].exit;
  }

  /** One line for a terminal: code, message, then where and why. */
  describe(): string {
    const { file, pointer, line, column, reason, ...rest } = this.details;
    const where = [
      file,
      line !== undefined ? `line ${line}${column !== undefined ? `, column ${column}` : ''}` : undefined,
      pointer !== undefined ? `at ${pointer === '' ? '/' : pointer}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    const extra = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return [`${this.code}: ${this.message}`, where && `(${where})`, reason && `— ${reason}`, extra]
      .filter(Boolean)
      .join(' ');
  }
}

/** Normalise anything thrown into an AppError; unknown errors become INTERNAL with the cause kept. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The database's own append-only trigger (migration 0001) speaks for the evidence table.
  if (err instanceof Error && err.message.startsWith('audit_events is append-only')) {
    return new AppError('AUDIT_APPEND_ONLY', { reason: err.message }, { cause: err });
  }
  return new AppError('INTERNAL', {}, { cause: err });
}

/** Narrow helper for `catch (e)` blocks that rethrow with location details. */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
