import { describe, expect, it } from 'vitest';
import { azureAppError, classifyAzureError } from './errors.js';

const rest = (statusCode: number, code: string) =>
  Object.assign(new Error('x'), { name: 'RestError', statusCode, code });
const named = (name: string) => Object.assign(new Error('x'), { name });

describe('classifyAzureError', () => {
  it.each([
    [rest(401, 'ExpiredAuthenticationToken'), 'credentials'],
    [rest(401, 'InvalidAuthenticationTokenTenant'), 'credentials'],
    [named('CredentialUnavailableError'), 'credentials'],
    [named('AggregateAuthenticationError'), 'credentials'],
    [rest(403, 'AuthorizationFailed'), 'gap'],
    [rest(429, 'RateLimiting'), 'throttled'],
    [rest(500, 'InternalServerError'), 'api'],
    [rest(400, 'BadRequest'), 'api'],
    [new Error('socket hang up'), 'api'],
    ['not an error', 'api'],
  ])('%o → %s', (err, kind) => {
    expect(classifyAzureError(err).kind).toBe(kind);
  });

  it('keeps status and ARM code, falls back to the error name', () => {
    expect(classifyAzureError(rest(403, 'AuthorizationFailed'))).toEqual({
      kind: 'gap',
      status: 403,
      code: 'AuthorizationFailed',
    });
    expect(classifyAzureError(named('CredentialUnavailableError'))).toEqual({
      kind: 'credentials',
      code: 'CredentialUnavailableError',
    });
  });
});

describe('azureAppError', () => {
  it('maps kinds to CLOUD_* codes with identifiers only', () => {
    const cause = rest(429, 'RateLimiting');
    const err = azureAppError(
      classifyAzureError(cause),
      { account: 's1', service: 'Microsoft.Compute', operation: 'q' },
      cause,
    );
    expect(err.code).toBe('CLOUD_THROTTLED');
    expect(err.details).toEqual({
      provider: 'azure',
      account: 's1',
      service: 'Microsoft.Compute',
      operation: 'q',
      reason: 'RateLimiting',
      status: 429,
    });
    expect(err.cause).toBe(cause);
    expect(
      azureAppError({ kind: 'credentials', code: 'x' }, { account: 'a', service: 's', operation: 'o' }, null)
        .code,
    ).toBe('CLOUD_CREDENTIALS');
  });
});
