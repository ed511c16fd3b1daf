import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAssets } from '../../../store/repositories/assets.js';
import { testDrivers } from '../../../store/testing.test-helpers.js';
import { responses } from '../../schema.js';
import { expectErrorBody, JUICE_SHOP, openSeededApp, type SeededApp } from '../../testing.test-helpers.js';
import { ASSET_LIST_ITEM_SCHEMA, ASSET_LIST_SCHEMA, ASSET_SCHEMA } from './schemas.js';

const keys = (o: object) => Object.keys(o).sort();

for (const driver of testDrivers()) {
  describe(`assets routes on ${driver.name}`, () => {
    let s: SeededApp;
    beforeAll(async () => {
      s = await openSeededApp(driver);
      // A test-only route serving repository rows with extra fields through the list schema:
      // proves the schema, not the repository, is what keeps internal columns out.
      s.app.get(
        '/test/leaky-assets',
        {
          schema: {
            operationId: 'leakyAssets',
            summary: 'test only',
            tags: ['test'],
            response: responses(ASSET_LIST_SCHEMA),
          },
        },
        async () => ({
          assets: (await listAssets(s.db)).map((a) => ({ ...a, raw: { secret: 'x' }, external_id: 'leak' })),
          extra: 'leak',
        }),
      );
    });
    afterAll(async () => {
      await s.close();
    });

    it('lists the imported asset with its PHI reason and component count', async () => {
      const res = await s.app.inject('/api/assets');
      expect(res.statusCode).toBe(200);
      const { assets } = res.json<{ assets: Record<string, unknown>[] }>();
      expect(assets).toHaveLength(1);
      expect(assets[0]).toMatchObject({
        id: s.assetId,
        externalId: JUICE_SHOP.externalId,
        name: JUICE_SHOP.name,
        phi: true,
        phiSource: 'tag:PHI=true',
        components: 840,
        tags: { PHI: 'true' },
        sources: ['sbom/cyclonedx-json'],
      });
      expect(assets[0]!.openFindings).toBeGreaterThan(0);
      expect(keys(assets[0]!)).toEqual(keys(ASSET_LIST_ITEM_SCHEMA.properties));
    });

    it('keeps unknown values null instead of coercing them to false or ""', async () => {
      const [asset] = (await s.app.inject('/api/assets')).json<{ assets: Record<string, unknown>[] }>()
        .assets;
      expect(asset).toMatchObject({ internetExposed: null, owner: null, provider: null });
    });

    it('filters by phi', async () => {
      const yes = (await s.app.inject('/api/assets?phi=true')).json<{ assets: unknown[] }>();
      const no = (await s.app.inject('/api/assets?phi=false')).json<{ assets: unknown[] }>();
      expect(yes.assets).toHaveLength(1);
      expect(no.assets).toEqual([]);
    });

    it('returns one asset by id', async () => {
      const res = await s.app.inject(`/api/assets/${s.assetId}`);
      expect(res.statusCode).toBe(200);
      const { asset } = res.json<{ asset: Record<string, unknown> }>();
      expect(asset).toMatchObject({ id: s.assetId, externalId: JUICE_SHOP.externalId, phi: true });
      expect(keys(asset)).toEqual(keys(ASSET_SCHEMA.properties));
    });

    it('answers 404 NOT_FOUND with the resource and id for an unknown asset', async () => {
      const body = expectErrorBody(await s.app.inject(`/api/assets/${s.assetId + 1000}`), 404, 'NOT_FOUND');
      expect(body.details).toEqual({ resource: 'asset', id: s.assetId + 1000 });
    });

    it.each([
      ['abc', 'must be integer'],
      ['0', 'must be >= 1'],
      ['99999999999999999999', 'must be <= 9007199254740991'],
    ])('answers 400 INPUT_SCHEMA for id %s', async (id, reason) => {
      const body = expectErrorBody(await s.app.inject(`/api/assets/${id}`), 400, 'INPUT_SCHEMA');
      expect(body.details).toEqual({ in: 'params', param: 'id', pointer: '/id', reason });
    });

    it('answers 400 for phi values other than true and false', async () => {
      const body = expectErrorBody(await s.app.inject('/api/assets?phi=yes'), 400, 'INPUT_SCHEMA');
      expect(body.details).toMatchObject({ in: 'querystring', param: 'phi', pointer: '/phi' });
    });

    it('strips fields the schema does not declare', async () => {
      const res = await s.app.inject('/test/leaky-assets');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('leak');
      expect(res.body).not.toContain('"raw"');
      const body = res.json<{ assets: Record<string, unknown>[] }>();
      expect(keys(body)).toEqual(['assets']);
      expect(keys(body.assets[0]!)).toEqual(keys(ASSET_LIST_ITEM_SCHEMA.properties));
    });
  });
}
