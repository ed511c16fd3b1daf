import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../core/errors.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { buildApp } from './app.js';
import { apiError, errorBody } from './errors.js';
import { expectErrorBody } from './testing.test-helpers.js';

function fastifyError(props: Record<string, unknown>): Error {
  return Object.assign(new Error('framework text that must not be sent'), props);
}

describe('apiError', () => {
  it('passes AppErrors through and turns anything else into INTERNAL', () => {
    const e = new AppError('NOT_FOUND', { id: 3 });
    expect(apiError(e)).toBe(e);
    expect(apiError(new Error('boom')).code).toBe('INTERNAL');
    expect(apiError('a string').code).toBe('INTERNAL');
    expect(apiError(fastifyError({ code: 'ECONNRESET', statusCode: 400 })).code).toBe('INTERNAL');
  });

  it('maps validation failures to INPUT_SCHEMA pointing at the property, escaped per RFC 6901', () => {
    const missing = apiError(
      fastifyError({
        validationContext: 'querystring',
        validation: [
          { keyword: 'required', instancePath: '', params: { missingProperty: 'a/b~c' }, message: 'x' },
        ],
      }),
    );
    expect(missing.code).toBe('INPUT_SCHEMA');
    expect(missing.details).toEqual({ in: 'querystring', param: 'a/b~c', pointer: '/a~1b~0c', reason: 'x' });
  });

  it('maps Fastify 4xx errors by meaning and keeps their code as the reason', () => {
    const map = (code: string, statusCode: number) => apiError(fastifyError({ code, statusCode }));
    expect(map('FST_ERR_CTP_BODY_TOO_LARGE', 413).code).toBe('INPUT_TOO_LARGE');
    expect(map('FST_ERR_CTP_INVALID_JSON_BODY', 400).code).toBe('INPUT_MALFORMED_JSON');
    expect(map('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415).code).toBe('INPUT_UNRECOGNISED');
    expect(map('FST_ERR_BAD_URL', 400).details).toEqual({ reason: 'FST_ERR_BAD_URL' });
    expect(map('FST_ERR_SOMETHING', 500).code).toBe('INTERNAL');
  });
});

describe('errorBody', () => {
  it('sends details on 4xx only', () => {
    expect(errorBody(new AppError('NOT_FOUND', { resource: 'asset', id: 7 }))).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      error: 'Not Found',
      message: 'Resource not found',
      details: { resource: 'asset', id: 7 },
    });
    expect(errorBody(new AppError('DB_UNAVAILABLE', { location: 'postgres://db.internal/pw' }))).toEqual({
      statusCode: 503,
      code: 'DB_UNAVAILABLE',
      error: 'Service Unavailable',
      message: 'Database is unavailable',
    });
    expect(errorBody(new AppError('NOT_FOUND'))).not.toHaveProperty('details');
  });
});

for (const driver of testDrivers()) {
  describe(`error edge on ${driver.name}`, () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('answers unknown routes and methods with 404 NOT_FOUND in the error body', async () => {
      const db = await driver.open();
      const app = await buildApp({ db });
      for (const req of [
        { method: 'GET', url: '/api/nope' },
        { method: 'GET', url: '/' },
        { method: 'POST', url: '/api/health' },
        { method: 'DELETE', url: '/api/assets/1' },
      ] as const) {
        const body = expectErrorBody(await app.inject(req), 404, 'NOT_FOUND');
        expect(body).not.toHaveProperty('details');
      }
      await app.close();
      await db.close();
    });

    it('answers a malformed URL with 400 INPUT_UNREADABLE', async () => {
      const db = await driver.open();
      const app = await buildApp({ db });
      const body = expectErrorBody(await app.inject('/api/assets/%zz'), 400, 'INPUT_UNREADABLE');
      expect(body.details).toEqual({ reason: 'FST_ERR_BAD_URL' });
      await app.close();
      await db.close();
    });

    it('logs a failing store as 500 INTERNAL and sends nothing about it', async () => {
      const db = await driver.open();
      const app = await buildApp({ db });
      await app.ready();
      const logged = vi.spyOn(app.log, 'error');
      await db.close();
      const res = await app.inject('/api/findings');
      expectErrorBody(res, 500, 'INTERNAL');
      expect(res.body).not.toMatch(/closed|pool|pglite|postgres|stack/i);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0]![0]).toMatchObject({ code: 'INTERNAL', err: expect.any(Error) });
      await app.close();
    });
  });
}
