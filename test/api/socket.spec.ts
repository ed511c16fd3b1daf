/**
 * End to end over a real socket: the app bound by startServer on 127.0.0.1, port 0, fetched
 * with the global fetch — the path a browser or curl takes, which `inject` skips.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/api/serve.js';
import { openSeededApp, type SeededApp } from '../../src/api/testing.test-helpers.js';
import { testDrivers } from '../../src/store/testing.test-helpers.js';

for (const driver of testDrivers()) {
  describe(`API over a socket on ${driver.name}`, () => {
    let s: SeededApp;
    let server: RunningServer;
    beforeAll(async () => {
      s = await openSeededApp(driver);
      server = await startServer(s.app, { port: 0 });
    });
    afterAll(async () => {
      await server.close();
      await s.db.close();
    });

    it('binds loopback on a free port', () => {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toMatch(/:0$/);
    });

    it('serves /api/health', async () => {
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ status: 'ok', driver: driver.name });
    });

    it('serves /api/findings/summary', async () => {
      const res = await fetch(`${server.url}/api/findings/summary`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { byTier: { open: number }[]; total: number };
      expect(body.total).toBeGreaterThan(0);
      expect(body.total).toBe(body.byTier.reduce((n, t) => n + t.open, 0));
    });

    it('answers errors in the same body over the wire', async () => {
      const res = await fetch(`${server.url}/api/findings?limit=-1`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ statusCode: 400, code: 'INPUT_SCHEMA', error: 'Bad Request' });
    });
  });
}

describe('startServer', () => {
  it('stops accepting connections after close', async () => {
    const [driver] = testDrivers();
    const s = await openSeededApp(driver!);
    const server = await startServer(s.app, { port: 0 });
    await server.close();
    await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
    await s.db.close();
  });
});
