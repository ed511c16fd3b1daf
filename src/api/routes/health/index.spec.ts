import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../store/db.js';
import { testDrivers } from '../../../store/testing.test-helpers.js';
import { buildApp } from '../../app.js';
import { API_VERSION } from '../../version.js';

const NOW = new Date('2026-02-01T08:30:00.000Z');

for (const driver of testDrivers()) {
  describe(`GET /api/health on ${driver.name}`, () => {
    let db: Db;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await driver.open();
      app = await buildApp({ db, now: () => NOW });
    });
    afterAll(async () => {
      await app.close();
      await db.close();
    });

    it('answers ok with driver, package version and the injected clock', async () => {
      const res = await app.inject('/api/health');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ok',
        driver: driver.name,
        version: API_VERSION,
        time: NOW.toISOString(),
      });
      expect(API_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    });

    it('never reports where the database lives', async () => {
      const res = await app.inject('/api/health');
      expect(res.body).not.toContain(db.location);
      expect(res.json()).not.toHaveProperty('location');
    });

    it('answers HEAD with headers only', async () => {
      const res = await app.inject({ method: 'HEAD', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('');
    });
  });
}
