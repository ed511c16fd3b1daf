/**
 * The API's error edge. Everything thrown — AppError, Fastify's own errors, request-validation
 * failures, driver exceptions — becomes one AppError and one body:
 *
 *   { statusCode, code, error, message, details? }
 *
 * - `code` is a key of ERROR_CODES and `statusCode` is its registry status: the registry is the
 *   one truth, so the API adds no codes of its own.
 * - `error` is the HTTP reason phrase; `message` is the registry's static message.
 * - `details` is sent only on 4xx and only holds identifiers (where in the request, which
 *   parameter, the validator's rule text) — never the value the client sent, never PHI.
 * - 5xx: the cause is logged with the request id and nothing about it is sent.
 *
 * Request validation maps to INPUT_SCHEMA with details `{ in, param, pointer, reason }`, where
 * `pointer` is an RFC 6901 JSON pointer into the request part named by `in` (`querystring`,
 * `params`, …). Fastify's other 4xx errors map by meaning: 413 → INPUT_TOO_LARGE, a body that
 * is not JSON → INPUT_MALFORMED_JSON, an unsupported media type → INPUT_UNRECOGNISED, anything
 * else → INPUT_UNREADABLE with the Fastify code as `reason`.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_CODES, type ErrorCode, toAppError } from '../core/errors.js';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

/** JSON schema of every error response; routes declare it for 4xx and 5xx so bodies are filtered too. */
export const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'code', 'error', 'message'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', enum: Object.keys(ERROR_CODES) },
    error: { type: 'string', description: 'HTTP reason phrase' },
    message: { type: 'string', description: 'Static message of the code (docs/errors.md)' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: '4xx only: identifiers locating the problem (in, param, pointer, reason)',
    },
  },
} as const;

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

interface FrameworkError extends Error {
  code?: string;
  statusCode?: number;
  validation?: ValidationIssue[];
  validationContext?: string;
}

function isFrameworkError(err: unknown): err is FrameworkError {
  return err instanceof Error && !(err instanceof AppError);
}

const escapePointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

// Ajv reports a missing or an unexpected property at its parent; point at the property itself.
function validationError(err: FrameworkError, issues: ValidationIssue[]): AppError {
  const first = issues[0];
  const extra = first?.params.missingProperty ?? first?.params.additionalProperty;
  const pointer = `${first?.instancePath ?? ''}${typeof extra === 'string' ? `/${escapePointer(extra)}` : ''}`;
  const param = pointer.split('/')[1]?.replaceAll('~1', '/').replaceAll('~0', '~');
  return new AppError(
    'INPUT_SCHEMA',
    {
      in: err.validationContext ?? 'request',
      ...(param ? { param } : {}),
      pointer,
      reason: first?.message ?? 'invalid',
    },
    { cause: err },
  );
}

// Fastify's own 4xx errors that have a registry code of the same meaning.
const BY_FASTIFY_CODE: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'INPUT_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INPUT_MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INPUT_MALFORMED_JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'INPUT_UNRECOGNISED',
};

/** Normalise anything thrown while serving a request into an AppError (see the module comment). */
export function apiError(err: unknown): AppError {
  if (!isFrameworkError(err)) return toAppError(err);
  if (err.validation) return validationError(err, err.validation);
  const status = err.statusCode ?? 500;
  if (status >= 500 || !err.code?.startsWith('FST_')) return toAppError(err);
  return new AppError(BY_FASTIFY_CODE[err.code] ?? 'INPUT_UNREADABLE', { reason: err.code }, { cause: err });
}

/** The response body for an AppError; details only on 4xx. */
export function errorBody(e: AppError): ErrorBody {
  const body: ErrorBody = {
    statusCode: e.status,
    code: e.code,
    error: STATUS_CODES[e.status] ?? 'Error',
    message: e.message,
  };
  if (e.status < 500 && Object.keys(e.details).length > 0) body.details = { ...e.details };
  return body;
}

/** Fastify error handler (also used for frameworkErrors): log 5xx causes, send the normalised body. */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const e = apiError(err);
  if (e.status >= 500) {
    request.log.error({ err: e.cause ?? err, code: e.code, details: e.details }, 'request failed');
  }
  return reply.code(e.status).type('application/json; charset=utf-8').send(errorBody(e));
}

/** Not-found handler: unknown routes answer 404 NOT_FOUND in the same body shape. */
export function handleNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(errorBody(new AppError('NOT_FOUND')));
}
