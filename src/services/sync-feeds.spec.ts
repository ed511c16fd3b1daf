import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFeedServer, startFakeFeedServer } from '../feeds/sync/fake-feed-server.test-helpers.js';
import { feedPaths } from '../feeds/sync/feed-store.js';
import { fakeNvdApi } from '../feeds/sync/nvd-fake-api.test-helpers.js';
import { readNvdWatermark } from '../feeds/sync/nvd-pager.js';
import type { Db } from '../store/db.js';
import { testDrivers } from '../store/testing.test-helpers.js';
import { sharedData } from './shared-data.test-helpers.js';
import { syncAndImportFeeds } from './sync-feeds.js';

const KEV = readFileSync(sharedData('kev/known_exploited_vulnerabilities.json'));

/** Real 2021 scores in FIRST's published layout, gzipped. */
function epssGz(scoreDate: string): Buffer {
  const rows = readFileSync(sharedData('epss-scores/CVE_2021_EPSS.csv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/;/g, ','));
  const text = [`#model_version:v2025.03.14,score_date:${scoreDate}`, 'cve,epss,percentile', ...rows];
  return gzipSync(`${text.join('\n')}\n`);
}

const count = async (db: Db, table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

for (const driver of testDrivers()) {
  describe(`feeds sync and import on ${driver.name}`, () => {
    let db: Db;
    let server: FakeFeedServer;
    const home = mkdtempSync(join(tmpdir(), 'pw-sync-'));
    const opts = () => ({
      home,
      only: ['kev', 'epss', 'csaf-ics', 'nvd'] as const,
      actor: 'test',
      timeoutMs: 5_000,
      config: {
        urls: {
          kev: `${server.url}/kev.json`,
          epss: `${server.url}/epss.csv.gz`,
          'csaf-ics': `${server.url}/rolie.json`,
          nvd: `${server.url}/nvd`,
        },
      },
      nvd: { pageSize: 10, pacing: { delayMs: 1, retryDelayMs: 1 } },
    });
    beforeAll(async () => {
      db = await driver.open();
      server = await startFakeFeedServer();
      server.set('/kev.json', { body: KEV, etag: '"k1"' });
      server.set('/epss.csv.gz', { body: epssGz('2026-08-16T00:00:00+0000'), etag: '"e1"' });
      server.set('/rolie.json', { body: Buffer.from('{"feed":{"entry":[]}}'), etag: '"r1"' });
      server.handle('/nvd', fakeNvdApi());
    });
    afterAll(async () => {
      await server.close();
      await db.close();
    });

    it('imports updated feeds and the NVD pages, keeps CSAF synced only', async () => {
      const r = await syncAndImportFeeds(db, opts());
      expect(r.ok).toBe(true);
      const by = Object.fromEntries(r.feeds.map((f) => [f.id, f]));
      expect(by.kev).toMatchObject({ outcome: 'updated', imported: { status: 'imported' } });
      expect(by.kev!.files[0]).toMatchObject({ url: `${server.url}/kev.json`, bytes: KEV.length });
      expect(by.epss).toMatchObject({
        outcome: 'updated',
        imported: { status: 'imported', summary: { rows: 22_591, changed: 22_591 } },
      });
      expect(by['csaf-ics']).toMatchObject({
        outcome: 'updated',
        imported: { status: 'not-imported', note: expect.stringContaining('synced only') },
      });
      expect(by['csaf-ics-docs']).toMatchObject({
        outcome: 'skipped',
        imported: { note: 'the ROLIE feed lists no documents matching ICSMA-' },
      });
      expect(by.nvd).toMatchObject({
        outcome: 'updated',
        imported: { status: 'imported', summary: { records: 23, files: 3 } },
      });
      expect(by.nvd!.files.map((f) => f.name)).toEqual([
        'page-00000.json',
        'page-00001.json',
        'page-00002.json',
      ]);
      expect(await count(db, 'cve_intel')).toBe(23);
      expect(await readNvdWatermark(home)).toMatchObject({ digest: by.nvd!.digest });
      expect(await count(db, 'epss_scores')).toBe(22_591);
      expect(await count(db, 'kev_entries')).toBeGreaterThan(1000);
    });

    it('a second run is not-modified, asks NVD only for modified records and imports nothing', async () => {
      const imports = await count(db, 'imports');
      const watermark = await readNvdWatermark(home);
      server.requests.length = 0;
      const r = await syncAndImportFeeds(db, opts());
      expect(r.feeds.map((f) => [f.id, f.outcome, f.imported.status])).toEqual([
        ['kev', 'not-modified', 'unchanged'],
        ['epss', 'not-modified', 'unchanged'],
        ['csaf-ics', 'not-modified', 'not-imported'],
        ['csaf-ics-docs', 'skipped', 'not-imported'],
        ['nvd', 'updated', 'unchanged'],
      ]);
      expect(server.requestsFor('/nvd').map((q) => q.query.get('lastModStartDate'))).toEqual([
        watermark!.lastModEndDate,
      ]);
      expect(await count(db, 'imports')).toBe(imports);
    });

    it('CSAF documents: ICSMA synced with their .sha512; a tampered one keeps the previous set', async () => {
      const names = ['icsma-17-009-01a.json', 'icsma-17-017-01.json', 'icsma-17-017-02.json'];
      const serveDocs = (bad?: string) => {
        const entry = names.map((n) => {
          const doc = readFileSync(sharedData(`cisa-csaf-ics/icsma/${n}`));
          const hex = n === bad ? '0'.repeat(128) : createHash('sha512').update(doc).digest('hex');
          server.set(`/csaf/${n}`, { body: doc, etag: `"${bad ?? 'ok'}"` });
          server.set(`/csaf/${n}.sha512`, { body: Buffer.from(`${hex}  ${n}\n`) });
          const self = `${server.url}/csaf/${n}`;
          return {
            id: n.replace('.json', '').toUpperCase(),
            link: [
              { rel: 'self', href: self },
              { rel: 'hash', href: `${self}.sha512` },
            ],
          };
        });
        server.set('/rolie.json', {
          body: Buffer.from(JSON.stringify({ feed: { entry } })),
          etag: `"r-${bad ?? 'ok'}"`,
        });
      };
      serveDocs();
      const ok = await syncAndImportFeeds(null, { ...opts(), only: ['csaf-ics'] });
      expect(ok.feeds[1]).toMatchObject({
        id: 'csaf-ics-docs',
        outcome: 'updated',
        imported: {
          status: 'not-imported',
          summary: { documents: 3 },
          note: expect.stringMatching(/^3 documents current/),
        },
      });
      serveDocs('icsma-17-017-01.json');
      const bad = await syncAndImportFeeds(null, { ...opts(), only: ['csaf-ics'] });
      expect(bad.ok).toBe(false);
      expect(bad.feeds[1]).toMatchObject({
        outcome: 'failed',
        error: { feedCode: 'FEED_CHECKSUM' },
        digest: ok.feeds[1]!.digest,
        imported: { summary: { documents: 3 }, note: expect.stringContaining('previous set kept') },
      });
    });

    it('a failed NVD page keeps the pages, rows and watermark in force', async () => {
      const watermark = await readNvdWatermark(home);
      const rows = await count(db, 'cve_intel');
      server.handle('/nvd', fakeNvdApi({ override: () => ({ status: 500 }) }));
      const r = await syncAndImportFeeds(db, { ...opts(), only: ['nvd'] });
      expect(r.ok).toBe(false);
      expect(r.feeds).toMatchObject([{ id: 'nvd', outcome: 'failed', error: { code: 'FEED_UNAVAILABLE' } }]);
      expect(await readNvdWatermark(home)).toEqual(watermark);
      expect(await count(db, 'cve_intel')).toBe(rows);
      server.handle('/nvd', fakeNvdApi());
    });

    it('a failing feed keeps its previous files and rows; the others are imported', async () => {
      server.set('/kev.json', { body: KEV, status: 500 });
      server.set('/epss.csv.gz', { body: epssGz('2026-08-17T00:00:00+0000'), etag: '"e2"' });
      const kevManifest = readFileSync(feedPaths(home, 'kev').manifest, 'utf8');
      const kevRows = await count(db, 'kev_entries');
      const r = await syncAndImportFeeds(db, opts());
      expect(r.ok).toBe(false);
      const kev = r.feeds.find((f) => f.id === 'kev')!;
      expect(kev).toMatchObject({
        outcome: 'failed',
        error: { code: 'FEED_UNAVAILABLE' },
        imported: { status: 'not-imported', note: 'previous data kept' },
      });
      // The sha256 reported is the one of the data still in force.
      expect(kev.files[0]!.sha256).toBe(
        JSON.parse(kevManifest).files['known_exploited_vulnerabilities.json'].sha256,
      );
      expect(readFileSync(feedPaths(home, 'kev').manifest, 'utf8')).toBe(kevManifest);
      expect(await count(db, 'kev_entries')).toBe(kevRows);
      expect(r.feeds.find((f) => f.id === 'epss')).toMatchObject({
        outcome: 'updated',
        imported: { status: 'imported', summary: { scoreDate: '2026-08-17T00:00:00.000Z', changed: 0 } },
      });
    });

    it('without a database the feeds are synced and nothing is imported', async () => {
      server.set('/kev.json', { body: KEV, etag: '"k2"' });
      const r = await syncAndImportFeeds(null, { ...opts(), only: ['kev'] });
      expect(r.feeds).toMatchObject([
        { id: 'kev', outcome: 'updated', imported: { status: 'not-imported', note: 'no database' } },
      ]);
    });
  });
}
