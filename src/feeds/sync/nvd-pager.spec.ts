import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeFeedServer, startFakeFeedServer } from './fake-feed-server.test-helpers.js';
import { feedPaths } from './feed-store.js';
import { fakeNvdApi, nvdSampleItems } from './nvd-fake-api.test-helpers.js';
import { pacedDownloader } from './nvd-pacing.js';
import {
  commitNvdWatermark,
  type NvdSyncOptions,
  nvdTimestamp,
  nvdWindows,
  readNvdWatermark,
  syncNvd,
} from './nvd-pager.js';
import { DEFAULT_VALIDATORS } from './validators.js';

const API = '/rest/json/cves/2.0';
const fast = { delayMs: 1, retryDelayMs: 1 };

let server: FakeFeedServer;
let home: string;

beforeAll(async () => {
  server = await startFakeFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'pw-nvd-'));
  server.requests.length = 0;
  server.handle(API, fakeNvdApi());
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const config = (apiKey?: string) => ({ urls: { nvd: `${server.url}${API}` }, nvdApiKey: apiKey });
const options = (now: string, extra: Partial<NvdSyncOptions> = {}): NvdSyncOptions => ({
  home,
  maxBytes: 16 * 1024 * 1024,
  timeoutMs: 5_000,
  pageSize: 10,
  pacing: fast,
  now: () => new Date(now),
  ...extra,
});
const asked = () => server.requestsFor(API).map((r) => Object.fromEntries(r.query));
const idsInForce = () => {
  const dir = feedPaths(home, 'nvd').current;
  return readdirSync(dir)
    .filter((n) => n !== 'manifest.json')
    .sort()
    .flatMap((n) =>
      (
        JSON.parse(readFileSync(join(dir, n), 'utf8')) as { vulnerabilities: { cve: { id: string } }[] }
      ).vulnerabilities.map((v) => v.cve.id),
    );
};

describe('nvdWindows (lastMod ranges of at most 120 days)', () => {
  it('splits a long range into contiguous windows of ≤ 120 days ending at now', () => {
    const since = new Date('2025-01-01T00:00:00.000Z');
    const now = new Date('2025-11-01T12:00:00.000Z');
    const w = nvdWindows(since, now);
    expect(w).toHaveLength(3);
    expect(w[0]!.lastModStartDate).toBe('2025-01-01T00:00:00.000');
    expect(w.at(-1)!.lastModEndDate).toBe(nvdTimestamp(now));
    for (const [i, x] of w.entries()) {
      const days = (Date.parse(`${x.lastModEndDate}Z`) - Date.parse(`${x.lastModStartDate}Z`)) / 86_400_000;
      expect(days).toBeLessThanOrEqual(120);
      if (i > 0) expect(x.lastModStartDate).toBe(w[i - 1]!.lastModEndDate);
    }
  });

  it('an unmoved clock still yields one (empty) window', () => {
    const t = new Date('2025-01-01T00:00:00.000Z');
    expect(nvdWindows(t, t)).toEqual([
      { lastModStartDate: nvdTimestamp(t), lastModEndDate: nvdTimestamp(t) },
    ]);
  });
});

describe('syncNvd against a loopback NVD API serving the 23 real sample records', () => {
  it('full sync: pages of 10 by startIndex, apiKey only as a header, first page fetched once', async () => {
    const { result, plan, watermark } = await syncNvd(
      config('secret-key'),
      options('2026-01-01T00:00:00Z'),
      DEFAULT_VALIDATORS.nvd,
    );
    expect(result.outcome, result.error?.detail).toBe('updated');
    expect(plan.files.map((f) => f.name)).toEqual(['page-00000.json', 'page-00001.json', 'page-00002.json']);
    expect(asked()).toEqual([
      { startIndex: '0', resultsPerPage: '10' },
      { startIndex: '10', resultsPerPage: '10' },
      { startIndex: '20', resultsPerPage: '10' },
    ]);
    for (const r of server.requestsFor(API)) {
      expect(r.headers.apikey).toBe('secret-key');
      expect(r.query.has('apiKey')).toBe(false);
    }
    expect(readFileSync(feedPaths(home, 'nvd').manifest, 'utf8')).not.toContain('secret-key');
    expect(idsInForce()).toEqual(nvdSampleItems().map((v) => v.cve.id));
    expect(watermark).toMatchObject({
      lastModEndDate: '2026-01-01T00:00:00.000',
      digest: result.manifest!.digest,
    });
    // Not committed until the caller has imported the pages.
    expect(await readNvdWatermark(home)).toBeNull();
    expect(existsSync(join(feedPaths(home, 'nvd').root, 'probe', 'w0.json'))).toBe(false);
  });

  it('without a key no apiKey header is sent', async () => {
    const { result } = await syncNvd(config(), options('2026-01-01T00:00:00Z'));
    expect(result.outcome).toBe('updated');
    expect(server.requestsFor(API).every((r) => r.headers.apikey === undefined)).toBe(true);
  });

  it('incremental sync asks only for records modified since the watermark, in ≤ 120-day windows', async () => {
    const first = await syncNvd(config(), options('2025-01-01T00:00:00Z'));
    await commitNvdWatermark(home, first.watermark!);
    server.requests.length = 0;
    const second = await syncNvd(config(), options('2025-06-01T00:00:00Z'), DEFAULT_VALIDATORS.nvd);
    expect(second.result.outcome, second.result.error?.detail).toBe('updated');
    expect(asked()).toEqual([
      {
        startIndex: '0',
        resultsPerPage: '10',
        lastModStartDate: '2025-01-01T00:00:00.000',
        lastModEndDate: '2025-05-01T00:00:00.000',
      },
      {
        startIndex: '0',
        resultsPerPage: '10',
        lastModStartDate: '2025-05-01T00:00:00.000',
        lastModEndDate: '2025-06-01T00:00:00.000',
      },
    ]);
    // Samples modified in that range: CVE-2014-1424 (Apr 12), CVE-2017-6507 (Apr 20), CVE-2016-1585 (May 2).
    expect(second.plan.files.map((f) => f.name)).toEqual(['w0-page-00000.json', 'w1-page-00000.json']);
    expect(idsInForce().sort()).toEqual(['CVE-2014-1424', 'CVE-2016-1585', 'CVE-2017-6507']);
    expect(second.watermark?.lastModEndDate).toBe('2025-06-01T00:00:00.000');
  });

  it('a server that caps the page size is paged by what it serves', async () => {
    server.handle(API, fakeNvdApi({ maxPerPage: 10 }));
    const { result } = await syncNvd(config(), options('2026-01-01T00:00:00Z', { pageSize: 2000 }));
    expect(result.outcome).toBe('updated');
    expect(asked().map((q) => q.startIndex)).toEqual(['0', '10', '20']);
    expect(idsInForce()).toHaveLength(23);
  });

  it('retries a 503 with backoff, then succeeds', async () => {
    let failures = 1;
    server.handle(
      API,
      fakeNvdApi({ override: (start) => (start === 10 && failures-- > 0 ? { status: 503 } : null) }),
    );
    const { result } = await syncNvd(config(), options('2026-01-01T00:00:00Z'));
    expect(result.outcome, result.error?.detail).toBe('updated');
    expect(server.requestsFor(API).map((r) => [r.query.get('startIndex'), r.status])).toEqual([
      ['0', 200],
      ['10', 503],
      ['10', 200],
      ['20', 200],
    ]);
  });

  it('a dropped page keeps every previous page and the watermark', async () => {
    const first = await syncNvd(config(), options('2025-01-01T00:00:00Z'));
    await commitNvdWatermark(home, first.watermark!);
    const manifest = readFileSync(feedPaths(home, 'nvd').manifest, 'utf8');
    const wm = await readNvdWatermark(home);
    server.handle(API, fakeNvdApi({ override: (start) => (start === 0 ? { dropAfter: 40 } : null) }));
    const second = await syncNvd(config(), options('2025-06-01T00:00:00Z'));
    expect(second.result).toMatchObject({ outcome: 'failed', error: { feedCode: 'FEED_UNAVAILABLE' } });
    expect(second.watermark).toBeNull();
    expect(second.result.manifest?.digest).toBe(first.result.manifest?.digest);
    expect(readFileSync(feedPaths(home, 'nvd').manifest, 'utf8')).toBe(manifest);
    expect(await readNvdWatermark(home)).toEqual(wm);
  });

  it('a page that fails after the first keeps the previous data too', async () => {
    await syncNvd(config(), options('2025-01-01T00:00:00Z'));
    const manifest = readFileSync(feedPaths(home, 'nvd').manifest, 'utf8');
    server.handle(API, fakeNvdApi({ override: (start) => (start === 20 ? { status: 500 } : null) }));
    const { result } = await syncNvd(config(), options('2025-01-02T00:00:00Z'));
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'FEED_UNAVAILABLE' } });
    expect(readFileSync(feedPaths(home, 'nvd').manifest, 'utf8')).toBe(manifest);
  });

  it('a first page without totalResults is refused as invalid', async () => {
    server.handle(API, () => ({ body: Buffer.from('{"vulnerabilities":[]}') }));
    const { result } = await syncNvd(config(), options('2025-01-01T00:00:00Z'));
    expect(result).toMatchObject({ outcome: 'failed', error: { feedCode: 'FEED_INVALID' }, manifest: null });
  });
});

describe('pacedDownloader (NVD best practices: sleep between requests, back off on 403/503)', () => {
  it('waits the delay between request starts and backs off exponentially on 403', async () => {
    const waits: number[] = [];
    let forbidden = 2;
    server.handle('/p', () =>
      forbidden-- > 0 ? { body: Buffer.from(''), status: 403 } : { body: Buffer.from('{}') },
    );
    const download = pacedDownloader({
      delayMs: 60_000,
      retryDelayMs: 100,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const dest = join(home, 'p.json');
    await download({ url: `${server.url}/p`, dest, maxBytes: 1024 });
    // Pacing waits (≈ 60 s, the clock hardly moved) interleave with backoffs of 100 ms, then 200 ms.
    expect(waits.filter((w) => w <= 1000)).toEqual([100, 200]);
    expect(waits.filter((w) => w > 1000)).toHaveLength(2);
    expect(server.requestsFor('/p').map((r) => r.status)).toEqual([403, 403, 200]);
  });

  it('gives up after the configured retries with the last error', async () => {
    server.handle('/q', () => ({ body: Buffer.from(''), status: 503 }));
    const download = pacedDownloader({ delayMs: 0, retries: 2, retryDelayMs: 1 });
    await expect(
      download({ url: `${server.url}/q`, dest: join(home, 'q'), maxBytes: 1024 }),
    ).rejects.toMatchObject({
      details: { status: 503 },
    });
    expect(server.requestsFor('/q')).toHaveLength(3);
  });
});
