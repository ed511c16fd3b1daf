import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFeedServer, startFakeFeedServer } from '../src/feeds/sync/fake-feed-server.test-helpers.js';
import { fakeNvdApi } from '../src/feeds/sync/nvd-fake-api.test-helpers.js';
import { cli, cliAsync, sharedData } from './cli.test-helpers.js';

const KEV = readFileSync(sharedData('kev/known_exploited_vulnerabilities.json'));

/** Real 2021 scores in FIRST's published layout, gzipped. */
function epssGz(): Buffer {
  const rows = readFileSync(sharedData('epss-scores/CVE_2021_EPSS.csv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/;/g, ','));
  const text = [
    '#model_version:v2025.03.14,score_date:2026-08-16T00:00:00+0000',
    'cve,epss,percentile',
    ...rows,
  ];
  return gzipSync(`${text.join('\n')}\n`);
}

const freshHome = () => join(mkdtempSync(join(tmpdir(), 'pw-cli-feeds-')), 'home');

describe('patchwarden feeds sync / status (loopback feed server)', () => {
  let server: FakeFeedServer;
  const home = freshHome();
  const env = () => ({
    PATCHWARDEN_HOME: home,
    PATCHWARDEN_FEED_KEV_URL: `${server.url}/kev.json`,
    PATCHWARDEN_FEED_EPSS_URL: `${server.url}/epss.csv.gz`,
  });
  const sync = () => cliAsync(['feeds', 'sync', '--feed', 'kev', '--feed', 'epss', '--json'], { env: env() });
  beforeAll(async () => {
    server = await startFakeFeedServer();
    server.set('/kev.json', { body: KEV, etag: '"k1"' });
    server.set('/epss.csv.gz', { body: epssGz(), etag: '"e1"' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('downloads and imports both feeds, then reports not-modified', async () => {
    const first = await sync();
    expect(first.code, first.stderr).toBe(0);
    const r = JSON.parse(first.stdout) as {
      ok: boolean;
      feeds: { id: string; outcome: string; imported: { status: string } }[];
    };
    expect(r.feeds.map((f) => [f.id, f.outcome, f.imported.status])).toEqual([
      ['kev', 'updated', 'imported'],
      ['epss', 'updated', 'imported'],
    ]);
    const second = await sync();
    expect(second.code, second.stderr).toBe(0);
    expect(
      (JSON.parse(second.stdout) as typeof r).feeds.map((f) => [f.id, f.outcome, f.imported.status]),
    ).toEqual([
      ['kev', 'not-modified', 'unchanged'],
      ['epss', 'not-modified', 'unchanged'],
    ]);

    const status = cli(['feeds', 'status', '--json'], { env: env() });
    expect(status.code).toBe(0);
    const s = JSON.parse(status.stdout) as {
      feeds: { id: string; files: { url: string; bytes: number }[] }[];
    };
    expect(s.feeds.find((f) => f.id === 'kev')!.files).toEqual([
      expect.objectContaining({ url: `${server.url}/kev.json`, bytes: KEV.length }),
    ]);
    expect(s.feeds.find((f) => f.id === 'nvd')).toBeUndefined();
  });

  it('a 500 for one feed exits 3, keeps its previous data and still imports the other', async () => {
    server.set('/kev.json', { body: KEV, status: 500 });
    server.set('/epss.csv.gz', {
      body: gzipSync(`cve,epss,percentile\nCVE-2021-44906,0.5,0.99\n`),
      etag: '"e2"',
    });
    const r = await cliAsync(['feeds', 'sync', '--feed', 'kev', '--feed', 'epss'], { env: env() });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/^kev: failed$/m);
    expect(r.stdout).toContain('FEED_UNAVAILABLE');
    expect(r.stdout).toContain('previous data kept');
    expect(r.stdout).toContain(`${server.url}/kev.json`);
    expect(r.stdout).toMatch(/^epss: updated$/m);
    expect(r.stdout).toMatch(/import: imported .*changed=1/);
  });

  it('--feed with an unknown source is a usage error', () => {
    expect(cli(['feeds', 'sync', '--feed', 'bogus'], { env: { PATCHWARDEN_HOME: freshHome() } }).code).toBe(
      2,
    );
  });
});

describe('patchwarden feeds sync --feed nvd (loopback NVD API, real sample records)', () => {
  let server: FakeFeedServer;
  const home = freshHome();
  const env = () => ({
    PATCHWARDEN_HOME: home,
    PATCHWARDEN_FEED_NVD_URL: `${server.url}/rest/json/cves/2.0`,
    PATCHWARDEN_NVD_DELAY_MS: '1',
    NVD_API_KEY: 'cli-test-key',
  });
  beforeAll(async () => {
    server = await startFakeFeedServer();
    // The server serves at most 10 records per page, as the API may serve fewer than asked.
    server.handle('/rest/json/cves/2.0', fakeNvdApi({ maxPerPage: 10 }));
  });
  afterAll(async () => {
    await server.close();
  });

  it('pages the API, imports the records, then syncs incrementally', async () => {
    const first = await cliAsync(['feeds', 'sync', '--feed', 'nvd', '--json'], { env: env() });
    expect(first.code, first.stderr).toBe(0);
    const r = JSON.parse(first.stdout) as {
      ok: boolean;
      feeds: {
        id: string;
        outcome: string;
        files: { name: string }[];
        imported: { status: string; summary: object };
      }[];
    };
    expect(r.feeds).toMatchObject([
      { id: 'nvd', outcome: 'updated', imported: { status: 'imported', summary: { records: 23, files: 3 } } },
    ]);
    const requests = server.requestsFor('/rest/json/cves/2.0');
    expect(requests.map((q) => q.query.get('startIndex'))).toEqual(['0', '10', '20']);
    expect(requests.every((q) => q.headers.apikey === 'cli-test-key' && !q.query.has('apiKey'))).toBe(true);
    expect(first.stdout).not.toContain('cli-test-key');

    const second = await cliAsync(['feeds', 'sync', '--feed', 'nvd'], { env: env() });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^nvd: updated$/m);
    expect(second.stdout).toContain('import: unchanged — no records modified since the last sync');
    expect(server.requestsFor('/rest/json/cves/2.0').at(-1)!.query.get('lastModStartDate')).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/,
    );
  });
});

describe('patchwarden import cve / epss / csaf', () => {
  const env = { PATCHWARDEN_HOME: freshHome() };

  it('imports CVE records once; the second run changes nothing', () => {
    const dir = sharedData('osv/cve5-samples');
    const first = cli(['import', 'cve', dir], { env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('13 records from 13 files');
    const again = cli(['import', 'cve', dir, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'unchanged', records: 13 });
  });

  it('a malformed CVE file is an input error naming the file', () => {
    const r = cli(['import', 'cve', sharedData('kev/known_exploited_vulnerabilities_schema.json')], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('known_exploited_vulnerabilities_schema.json');
  });

  it('imports an EPSS year file', () => {
    const r = cli(['import', 'epss', sharedData('epss-scores/CVE_1999_EPSS.csv')], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('1540 scores');
  });

  it('import csaf reports no match without device assets (exit 0)', () => {
    const r = cli(['import', 'csaf', sharedData('cisa-csaf-ics'), '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { devices: number; advisories: unknown[] };
    expect(out.devices).toBe(0);
    expect(out.advisories.length).toBeGreaterThan(100);
  });

  it('import csaf lists the device assets an ICSMA advisory matches (exit 1)', () => {
    const devices = cli(
      [
        'import',
        'devices',
        fileURLToPath(new URL('../src/feeds/csaf/fixtures/icsma-devices.csv', import.meta.url)),
      ],
      { env },
    );
    expect(devices.code, devices.stderr).toBe(0);
    const r = cli(['import', 'csaf', sharedData('cisa-csaf-ics/icsma/icsma-17-017-02.json')], { env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^ICSMA-17-017-02: .* — [1-9]\d* device matches$/m);
    expect(r.stdout).toMatch(/^ {2}\S+ {2}CVE-/m);
  });
});
