/**
 * Azure's errors → our outcomes, in one place. Resource Manager answers errors as
 * `{ "error": { "code", "message" } }` (ARM "Common error response"); the SDKs put the HTTP status
 * in `statusCode` and the ARM code in `code`. @azure/identity throws named errors before any
 * request leaves (no credential in the chain, token endpoint refused the client).
 *
 * As for AWS (context.ts): access denied on one scope is a gap and collection goes on; bad
 * credentials, throttling that outlived every retry and anything else stop the collection, so a
 * half-collected tenant is never imported as if it were whole.
 */
import { AppError } from '../../../core/errors.js';

/** What the collector does with an error. */
export type AzureErrorKind = 'gap' | 'credentials' | 'throttled' | 'api';

export interface AzureErrorFacts {
  kind: AzureErrorKind;
  status?: number;
  /** ARM error code (`AuthorizationFailed`) or the identity error's name. */
  code: string;
}

// @azure/identity error names: the chain found nothing usable, or Entra ID refused the client.
const IDENTITY_ERRORS = new Set([
  'CredentialUnavailableError',
  'AuthenticationError',
  'AggregateAuthenticationError',
  'AuthenticationRequiredError',
]);
// ARM authentication codes ("Troubleshoot common Azure deployment errors"; they come with 401).
const CREDENTIAL_CODES = new Set([
  'ExpiredAuthenticationToken',
  'InvalidAuthenticationToken',
  'InvalidAuthenticationTokenTenant',
  'InvalidAuthenticationTokenAudience',
  'AuthenticationFailed',
]);
// ARM authorisation codes: the identity is known but not allowed on this scope (403).
const DENIED_CODES = new Set(['AuthorizationFailed', 'Forbidden', 'LinkedAuthorizationFailed']);
// 429 codes: ARM `TooManyRequests`, Resource Graph `RateLimiting` ("Guidance for throttled requests").
const THROTTLE_CODES = new Set(['TooManyRequests', 'RateLimiting', 'SubscriptionRequestsThrottled']);

function field(err: unknown, name: string): unknown {
  return err !== null && typeof err === 'object' ? (err as Record<string, unknown>)[name] : undefined;
}

/** Classify anything an Azure SDK call threw; pure, so the table is tested on its own. */
export function classifyAzureError(err: unknown): AzureErrorFacts {
  const name = err instanceof Error ? err.name : 'UnknownError';
  const rawStatus = field(err, 'statusCode');
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const rawCode = field(err, 'code');
  const code = typeof rawCode === 'string' && rawCode !== '' ? rawCode : name;
  const facts = (kind: AzureErrorKind): AzureErrorFacts =>
    status === undefined ? { kind, code } : { kind, status, code };
  if (IDENTITY_ERRORS.has(name)) return facts('credentials');
  if (status === 401 || CREDENTIAL_CODES.has(code)) return facts('credentials');
  if (status === 403 || DENIED_CODES.has(code)) return facts('gap');
  if (status === 429 || THROTTLE_CODES.has(code)) return facts('throttled');
  return facts('api');
}

const APP_CODES = {
  credentials: 'CLOUD_CREDENTIALS',
  throttled: 'CLOUD_THROTTLED',
  api: 'CLOUD_API',
} as const;

/** The AppError for a non-gap outcome; details carry identifiers and the ARM code, never messages. */
export function azureAppError(
  facts: AzureErrorFacts,
  where: { account: string; service: string; operation: string },
  cause: unknown,
): AppError {
  const kind = facts.kind === 'gap' ? 'api' : facts.kind;
  const details: Record<string, unknown> = { provider: 'azure', ...where, reason: facts.code };
  if (facts.status !== undefined) details.status = facts.status;
  return new AppError(APP_CODES[kind], details, { cause });
}
