/**
 * Test-only: a store seeded through the real services with the shared sample data — npm
 * advisories from GHSA, then the juice-shop CycloneDX SBOM as a PHI-tagged asset — and helpers
 * to drive the app over it. Excluded from the build by tsconfig.build.json.
 */
import { STATUS_CODES } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { importAdvisories } from '../services/import-advisories.js';
import { importSbom } from '../services/import-sbom.js';
import type { Db } from '../store/db.js';
import type { TestDriver } from '../store/testing.test-helpers.js';
import { buildApp } from './app.js';
import type { ErrorBody } from './errors.js';

// This file is src/api/<name>: three levels up is the folder holding the checkout and `shared`.
const SHARED_DATA = new URL('../../../shared/data/', import.meta.url);

/** Absolute path of a file or folder under shared/data. */
export function sharedDataPath(relative: string): string {
  return fileURLToPath(new URL(relative, SHARED_DATA));
}

/** The import time of the seed: deadlines are this plus the tier's days. */
export const SEEDED_AT = new Date('2026-01-05T12:00:00.000Z');

export const JUICE_SHOP = {
  externalId: 'demo:juice',
  name: 'juice-shop',
  file: 'sbom/cyclonedx-bom-examples/SBOM__juice-shop__v11.1.2__bom.json',
} as const;

/** Import the sample advisories and the juice-shop SBOM into `db`; returns the asset id. */
export async function seedStore(db: Db): Promise<number> {
  await importAdvisories(db, sharedDataPath('ghsa-osv/npm'), { actor: 'test', at: SEEDED_AT });
  const result = await importSbom(db, sharedDataPath(JUICE_SHOP.file), {
    actor: 'test',
    at: SEEDED_AT,
    asset: { externalId: JUICE_SHOP.externalId, name: JUICE_SHOP.name, tags: { PHI: 'true' } },
  });
  if (result.asset.id === null) throw new Error('seed: the SBOM import was skipped as unchanged');
  return result.asset.id;
}

export interface SeededApp {
  db: Db;
  app: FastifyInstance;
  assetId: number;
  close(): Promise<void>;
}

/** A seeded store on `driver` and an app over it, with an optional pinned clock. */
export async function openSeededApp(driver: TestDriver, now?: () => Date): Promise<SeededApp> {
  const db = await driver.open();
  const assetId = await seedStore(db);
  const app = await buildApp(now ? { db, now } : { db });
  return {
    db,
    app,
    assetId,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** Assert an error response: status, registry code, reason phrase, static message, nothing else. */
export function expectErrorBody(res: LightMyRequestResponse, status: number, code: ErrorCode): ErrorBody {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({
    statusCode: status,
    code,
    error: STATUS_CODES[status],
    message: ERROR_CODES[code].message,
  });
  expect(
    Object.keys(body).filter((k) => !['statusCode', 'code', 'error', 'message', 'details'].includes(k)),
  ).toEqual([]);
  if (status >= 500) expect(body).not.toHaveProperty('details');
  return body;
}
