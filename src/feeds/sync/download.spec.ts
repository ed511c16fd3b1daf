import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/digest.js';
import { isAppError } from '../../core/errors.js';
import { sharedData } from '../../services/shared-data.test-helpers.js';
import { parseChecksumSidecar } from './checksum.js';
import { type DownloadOptions, downloadFile, type PreviousFile, USER_AGENT } from './download.js';
import { type FakeFeedServer, startFakeFeedServer } from './fake-feed-server.test-helpers.js';
import { isFeedError } from './feed-error.js';

const KEV = readFileSync(sharedData('kev/known_exploited_vulnerabilities.json'));
const KEV_SHA = sha256Hex(KEV);
const ETAG = '"kev-2025.08.25"';
const LAST_MODIFIED = 'Mon, 25 Aug 2025 17:04:19 GMT';
const PATH = '/feeds/known_exploited_vulnerabilities.json';

let server: FakeFeedServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-dl-'));
  server.requests.length = 0;
  server.set(PATH, { body: KEV, etag: ETAG, lastModified: LAST_MODIFIED });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function opts(extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return { url: `${server.url}${PATH}`, dest: join(dir, 'kev.json'), maxBytes: 16 * 1024 * 1024, ...extra };
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('downloadFile', () => {
  it('first download: the exact bytes, their sha256 and the validators, asking for identity coding', async () => {
    const progress: number[] = [];
    const r = await downloadFile(opts({ onProgress: (b) => progress.push(b), now: () => new Date(0) }));
    expect(r).toMatchObject({
      status: 'downloaded',
      sha256: KEV_SHA,
      bytes: KEV.length,
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      retrievedAt: '1970-01-01T00:00:00.000Z',
      url: `${server.url}${PATH}`,
      checksum: null,
    });
    expect(sha256Hex(readFileSync(r.path))).toBe(KEV_SHA);
    expect(existsSync(`${r.path}.part`)).toBe(false);
    expect(progress.at(-1)).toBe(KEV.length);
    const [req] = server.requestsFor(PATH);
    expect(req?.headers['accept-encoding']).toBe('identity');
    expect(req?.headers['user-agent']).toBe(USER_AGENT);
    expect(req?.headers['if-none-match']).toBeUndefined();
    expect(req?.headers.range).toBeUndefined();
  });

  it('sends the stored validators; 304 → not-modified, nothing written', async () => {
    const previous: PreviousFile = {
      path: '/elsewhere/kev.json',
      sha256: KEV_SHA,
      bytes: KEV.length,
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      retrievedAt: '2025-08-26T00:00:00.000Z',
    };
    const r = await downloadFile(opts({ previous }));
    expect(r).toMatchObject({ status: 'not-modified', path: previous.path, sha256: KEV_SHA, etag: ETAG });
    expect(r.retrievedAt).toBe(previous.retrievedAt);
    expect(existsSync(join(dir, 'kev.json'))).toBe(false);
    const [req] = server.requestsFor(PATH);
    expect(req?.headers['if-none-match']).toBe(ETAG);
    expect(req?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(req?.status).toBe(304);
  });

  it('Last-Modified alone is enough for a 304 when the source sends no ETag', async () => {
    server.set(PATH, { body: KEV, etag: null, lastModified: LAST_MODIFIED });
    const previous: PreviousFile = {
      path: 'p',
      sha256: KEV_SHA,
      bytes: KEV.length,
      etag: null,
      lastModified: LAST_MODIFIED,
      retrievedAt: 'x',
    };
    expect((await downloadFile(opts({ previous }))).status).toBe('not-modified');
    expect(server.requestsFor(PATH)[0]?.headers['if-none-match']).toBeUndefined();
  });

  it('a connection dropped mid-body keeps the part; the next call resumes with Range + If-Range', async () => {
    const cut = 400_000;
    server.set(PATH, { body: KEV, etag: ETAG, lastModified: LAST_MODIFIED, dropAfter: cut });
    const err = await failure(downloadFile(opts()));
    expect(isFeedError(err, 'FEED_UNAVAILABLE')).toBe(true);
    expect(err.exitCode).toBe(3);
    expect(err.describe()).toMatch(/interrupted after \d+ bytes \(kept for resume\)/);
    const part = join(dir, 'kev.json.part');
    const kept = statSync(part).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(cut);
    expect(existsSync(join(dir, 'kev.json'))).toBe(false);

    server.set(PATH, { body: KEV, etag: ETAG, lastModified: LAST_MODIFIED });
    const r = await downloadFile(opts());
    expect(r).toMatchObject({ status: 'resumed', sha256: KEV_SHA, bytes: KEV.length });
    expect(sha256Hex(readFileSync(r.path))).toBe(KEV_SHA);
    const second = server.requestsFor(PATH)[1];
    expect(second?.headers.range).toBe(`bytes=${kept}-`);
    expect(second?.headers['if-range']).toBe(ETAG);
    expect(second?.status).toBe(206);
    expect(existsSync(part)).toBe(false);
  });

  it('If-Range with a changed ETag: the server sends the whole new file and the download restarts from zero', async () => {
    server.set(PATH, { body: KEV, etag: ETAG, dropAfter: 100_000 });
    await failure(downloadFile(opts()));
    const changed = Buffer.concat([KEV, Buffer.from('\n')]);
    server.set(PATH, { body: changed, etag: '"kev-2025.08.26"' });
    const r = await downloadFile(opts());
    expect(r).toMatchObject({ status: 'downloaded', sha256: sha256Hex(changed), bytes: changed.length });
    const second = server.requestsFor(PATH)[1];
    expect(second?.headers['if-range']).toBe(ETAG);
    expect(second?.status).toBe(200);
  });

  it('does not resume without Accept-Ranges or with only a weak ETag', async () => {
    for (const variant of [
      { ranges: false, etag: ETAG },
      { ranges: true, etag: `W/${ETAG}` },
    ]) {
      server.requests.length = 0;
      server.set(PATH, { body: KEV, ...variant, dropAfter: 50_000 });
      await failure(downloadFile(opts()));
      server.set(PATH, { body: KEV, ...variant });
      const r = await downloadFile(opts());
      expect(r.status).toBe('downloaded');
      expect(r.sha256).toBe(KEV_SHA);
      expect(server.requestsFor(PATH)[1]?.headers.range).toBeUndefined();
    }
  });

  it('a 416 for a stale part starts over from zero', async () => {
    server.set(PATH, { body: KEV, etag: ETAG, dropAfter: 200_000 });
    await failure(downloadFile(opts()));
    const shorter = KEV.subarray(0, 1000);
    server.set(PATH, { body: shorter, etag: ETAG });
    const r = await downloadFile(opts());
    expect(r).toMatchObject({ status: 'downloaded', sha256: sha256Hex(shorter) });
    expect(server.requestsFor(PATH).map((q) => q.status)).toEqual([200, 416, 200]);
  });

  it('an error status fails with FEED_UNAVAILABLE naming the status; nothing is written', async () => {
    server.set(PATH, { body: KEV, status: 500 });
    const err = await failure(downloadFile(opts()));
    expect(isFeedError(err, 'FEED_UNAVAILABLE')).toBe(true);
    expect(err.details.status).toBe(500);
    expect(err.describe()).toContain('HTTP 500');
    expect(existsSync(join(dir, 'kev.json'))).toBe(false);
    expect(existsSync(join(dir, 'kev.json.part'))).toBe(false);
  });

  it('refuses a body over the limit from Content-Length, before reading it', async () => {
    const err = await failure(downloadFile(opts({ maxBytes: 1000 })));
    expect(err.code).toBe('INPUT_TOO_LARGE');
    expect(err.details).toMatchObject({ size: KEV.length, limit: 1000 });
    expect(existsSync(join(dir, 'kev.json.part'))).toBe(false);
  });

  it('refuses a chunked body (no length) as soon as it passes the limit', async () => {
    server.set(PATH, { body: KEV, etag: ETAG, chunked: true });
    const err = await failure(downloadFile(opts({ maxBytes: 100_000 })));
    expect(err.code).toBe('INPUT_TOO_LARGE');
    expect(Number(err.details.size)).toBeGreaterThan(100_000);
    expect(existsSync(join(dir, 'kev.json.part'))).toBe(false);
  });

  it('times out a body that stops arriving', async () => {
    server.set(PATH, { body: KEV, etag: ETAG, stallAfter: 10_000 });
    const err = await failure(downloadFile(opts({ timeoutMs: 300 })));
    expect(isFeedError(err, 'FEED_UNAVAILABLE')).toBe(true);
    expect(err.describe()).toContain('no data for 300 ms');
  });

  it('verifies a .sha512 sidecar and refuses a mismatch (part discarded)', async () => {
    const sha512 = createHash('sha512').update(KEV).digest('hex');
    server.set(`${PATH}.sha512`, { body: Buffer.from(`${sha512}  known_exploited_vulnerabilities.json\n`) });
    const checksum = { url: `${server.url}${PATH}.sha512`, algorithm: 'sha512' as const };
    const ok = await downloadFile(opts({ checksum }));
    expect(ok.checksum).toEqual({ ...checksum, hex: sha512 });

    server.set(`${PATH}.sha512`, {
      body: Buffer.from(`${'0'.repeat(128)}  known_exploited_vulnerabilities.json\n`),
    });
    const err = await failure(downloadFile(opts({ checksum })));
    expect(isFeedError(err, 'FEED_CHECKSUM')).toBe(true);
    expect(err.details).toMatchObject({ expected: '0'.repeat(128), actual: sha512 });
    expect(existsSync(join(dir, 'kev.json'))).toBe(false);
    expect(existsSync(join(dir, 'kev.json.part'))).toBe(false);
  });

  it('refuses when the sidecar cannot be fetched: no verification, no file', async () => {
    const checksum = { url: `${server.url}/missing.sha256`, algorithm: 'sha256' as const };
    const err = await failure(downloadFile(opts({ checksum })));
    expect(isFeedError(err, 'FEED_UNAVAILABLE')).toBe(true);
    expect(err.details.status).toBe(404);
    expect(existsSync(join(dir, 'kev.json'))).toBe(false);
  });

  it('reports a refused connection as FEED_UNAVAILABLE', async () => {
    // A port that was just free: fetch refuses "bad ports" like 1 before connecting.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const err = await failure(downloadFile(opts({ url: `http://127.0.0.1:${port}/none` })));
    expect(isFeedError(err, 'FEED_UNAVAILABLE')).toBe(true);
    expect(err.describe()).toContain('ECONNREFUSED');
  });
});

describe('parseChecksumSidecar (CSAF 2.0 §7.1.18)', () => {
  const hex = 'ea6a209dba30a958a78d82309d6cdcc6929fcb81673b3dc4d6b16fac18b6ff38';
  it('reads the digest with or without a name, binary marker, CRLF or upper case', () => {
    expect(parseChecksumSidecar(`${hex}  esa-2022-02723.json\n`, 'sha256', 'u')).toEqual({
      hex,
      name: 'esa-2022-02723.json',
    });
    expect(parseChecksumSidecar(hex, 'sha256', 'u')).toEqual({ hex, name: null });
    expect(parseChecksumSidecar(`${hex.toUpperCase()} *a.json\r\n`, 'sha256', 'u')).toEqual({
      hex,
      name: 'a.json',
    });
  });
  it('refuses a digest of the wrong length or text that does not start with it', () => {
    expect(() => parseChecksumSidecar(hex, 'sha512', 'u')).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ reason: expect.stringMatching(/sha512 sidecar/) }),
      }),
    );
    expect(() => parseChecksumSidecar(` x ${hex}`, 'sha256', 'u')).toThrow();
    expect(() => parseChecksumSidecar('', 'sha256', 'u')).toThrow();
  });
});
