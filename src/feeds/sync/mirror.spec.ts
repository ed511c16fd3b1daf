import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../core/digest.js';
import { sharedData } from '../../services/shared-data.test-helpers.js';
import { buildZip } from '../osv/zip-writer.test-helpers.js';
import { csafDocumentFiles } from './csaf-rolie.js';
import { type FakeFeedServer, startFakeFeedServer } from './fake-feed-server.test-helpers.js';
import { type FeedManifest, feedPaths, manifestDigest, readCurrentManifest } from './feed-store.js';
import { type SyncOptions, syncFeed, syncFeeds } from './mirror.js';
import { type FeedPlan, planFeeds } from './sources.js';
import { DEFAULT_VALIDATORS } from './validators.js';

const KEV = readFileSync(sharedData('kev/known_exploited_vulnerabilities.json'));
const KEV_PATH = '/kev/known_exploited_vulnerabilities.json';
const ETAG = '"kev-1"';

/** An EPSS file in the published layout, from real scores (shared data is `;`-separated, no header). */
function epssGz(): Buffer {
  const rows = readFileSync(sharedData('epss-scores/CVE_2021_EPSS.csv'), 'utf8')
    .split('\n')
    .slice(0, 500)
    .filter(Boolean)
    .map((l) => l.replace(/;/g, ','));
  const text = [
    '#model_version:v2025.03.14,score_date:2026-08-16T00:00:00+0000',
    'cve,epss,percentile',
    ...rows,
  ];
  return gzipSync(`${text.join('\n')}\n`);
}

/** An OSV all.zip built from a few real Go records. */
function osvZip(): Buffer {
  const dir = sharedData('osv/golang-vulndb');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .slice(0, 5);
  return buildZip(names.map((name) => ({ name, data: readFileSync(join(dir, name)) })));
}

const ICSMA = ['icsma-17-009-01a.json', 'icsma-17-017-01.json', 'icsma-17-017-02.json'];

let server: FakeFeedServer;
let home: string;
let opts: SyncOptions;

beforeAll(async () => {
  server = await startFakeFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'pw-feeds-'));
  opts = { home, maxBytes: 32 * 1024 * 1024, timeoutMs: 5_000 };
  server.requests.length = 0;
  server.set(KEV_PATH, { body: KEV, etag: ETAG, lastModified: 'Mon, 25 Aug 2025 17:04:19 GMT' });
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

function kevPlan(): FeedPlan {
  return planFeeds({ mirror: server.url }, ['kev'])[0]!;
}

function snapshot(id: string) {
  const p = feedPaths(home, id);
  const file = join(p.current, 'known_exploited_vulnerabilities.json');
  return {
    manifest: readFileSync(p.manifest, 'utf8'),
    manifestMtime: statSync(p.manifest).mtimeMs,
    fileSha: sha256Hex(readFileSync(file)),
    fileMtime: statSync(file).mtimeMs,
  };
}

describe('syncFeed: one feed, atomic switch', () => {
  it('first sync puts the file and a manifest recording url, time, sha256, size and validators in force', async () => {
    const r = await syncFeed(
      kevPlan(),
      { ...opts, now: () => new Date('2026-09-01T00:00:00Z') },
      DEFAULT_VALIDATORS.kev,
    );
    expect(r.outcome).toBe('updated');
    expect(r.error).toBeNull();
    const p = feedPaths(home, 'kev');
    const manifest = JSON.parse(readFileSync(p.manifest, 'utf8')) as FeedManifest;
    expect(manifest).toEqual(r.manifest);
    expect(manifest.files['known_exploited_vulnerabilities.json']).toEqual({
      url: `${server.url}${KEV_PATH}`,
      retrievedAt: '2026-09-01T00:00:00.000Z',
      sha256: sha256Hex(KEV),
      bytes: KEV.length,
      etag: ETAG,
      lastModified: 'Mon, 25 Aug 2025 17:04:19 GMT',
      checksum: null,
    });
    expect(manifest.digest).toBe(manifestDigest(manifest.files));
    expect(snapshot('kev').fileSha).toBe(sha256Hex(KEV));
    // Nothing left behind from the switch.
    expect(existsSync(p.previous)).toBe(false);
    expect(readdirSync(p.staging)).toEqual([]);
  });

  it('second sync: 304 → not-modified, manifest and file neither rewritten nor touched', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const before = snapshot('kev');
    const r = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(r.outcome).toBe('not-modified');
    expect(r.files).toEqual([
      {
        name: 'known_exploited_vulnerabilities.json',
        status: 'not-modified',
        sha256: sha256Hex(KEV),
        bytes: KEV.length,
      },
    ]);
    expect(snapshot('kev')).toEqual(before);
    const second = server.requestsFor(KEV_PATH)[1];
    expect(second?.headers['if-none-match']).toBe(ETAG);
    expect(second?.status).toBe(304);
  });

  it('a changed upstream file replaces current and its manifest entry', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const catalog = JSON.parse(KEV.toString('utf8')) as { catalogVersion: string };
    catalog.catalogVersion = '2025.08.26';
    const next = Buffer.from(JSON.stringify(catalog));
    server.set(KEV_PATH, { body: next, etag: '"kev-2"' });
    const r = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(r.outcome).toBe('updated');
    expect(r.manifest?.files['known_exploited_vulnerabilities.json']).toMatchObject({
      sha256: sha256Hex(next),
      etag: '"kev-2"',
    });
    expect(snapshot('kev').fileSha).toBe(sha256Hex(next));
  });

  it('dropped mid-file: failure reported, previous data in force, part kept; the next sync resumes and completes', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const before = snapshot('kev');
    const next = Buffer.concat([KEV.subarray(0, KEV.length - 2), Buffer.from(' }')]);
    server.set(KEV_PATH, { body: next, etag: '"kev-3"', dropAfter: 300_000 });

    const failed = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(failed.outcome).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'FEED_UNAVAILABLE', feedCode: 'FEED_UNAVAILABLE' });
    expect(failed.error?.detail).toContain('kept for resume');
    expect(failed.manifest).toEqual(JSON.parse(before.manifest));
    expect(snapshot('kev')).toEqual(before);
    const part = join(feedPaths(home, 'kev').staging, 'known_exploited_vulnerabilities.json.part');
    expect(statSync(part).size).toBeGreaterThan(0);

    server.set(KEV_PATH, { body: next, etag: '"kev-3"' });
    const resumed = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(resumed.outcome).toBe('updated');
    expect(resumed.files[0]).toMatchObject({
      status: 'resumed',
      sha256: sha256Hex(next),
      bytes: next.length,
    });
    const last = server.requestsFor(KEV_PATH).at(-1);
    expect(last?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(last?.headers['if-range']).toBe('"kev-3"');
    expect(snapshot('kev').fileSha).toBe(sha256Hex(next));
  });

  it('HTTP 500: old data in force and the error says so', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const before = snapshot('kev');
    server.set(KEV_PATH, { body: KEV, status: 500 });
    const r = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(r.outcome).toBe('failed');
    expect(r.error?.feedCode).toBe('FEED_UNAVAILABLE');
    expect(r.error?.detail).toContain('HTTP 500');
    expect(r.manifest?.digest).toBe((JSON.parse(before.manifest) as FeedManifest).digest);
    expect(snapshot('kev')).toEqual(before);
  });

  it('malformed JSON fails validation with line and column; old data in force', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const before = snapshot('kev');
    server.set(KEV_PATH, {
      body: Buffer.from('{"catalogVersion": "x",\n "vulnerabilities": [ }'),
      etag: '"bad"',
    });
    const r = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(r.outcome).toBe('failed');
    expect(r.error?.code).toBe('INPUT_MALFORMED_JSON');
    expect(r.error?.detail).toMatch(/line 2, column \d+/);
    expect(snapshot('kev')).toEqual(before);
  });

  it('well-formed JSON that is not a KEV catalog is refused too (INPUT_SCHEMA)', async () => {
    server.set(KEV_PATH, { body: Buffer.from('{"vulnerabilities": 1}'), etag: '"odd"' });
    const r = await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    expect(r).toMatchObject({ outcome: 'failed', manifest: null, error: { code: 'INPUT_SCHEMA' } });
    expect(existsSync(feedPaths(home, 'kev').current)).toBe(false);
  });

  it('a crash between the two renames of the switch is undone before the next read', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    const p = feedPaths(home, 'kev');
    const before = readFileSync(p.manifest, 'utf8');
    renameSync(p.current, p.previous);
    expect((await readCurrentManifest(p))?.digest).toBe((JSON.parse(before) as FeedManifest).digest);
    expect(existsSync(p.previous)).toBe(false);
    expect((await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev)).outcome).toBe('not-modified');
  });

  it('a changed URL is a different resource: no validators sent, new data switched in', async () => {
    await syncFeed(kevPlan(), opts, DEFAULT_VALIDATORS.kev);
    server.set('/other/kev.json', { body: KEV, etag: ETAG });
    const plan: FeedPlan = {
      id: 'kev',
      source: 'kev',
      files: [{ name: 'known_exploited_vulnerabilities.json', url: `${server.url}/other/kev.json` }],
    };
    const r = await syncFeed(plan, opts, DEFAULT_VALIDATORS.kev);
    expect(r.outcome).toBe('updated');
    expect(server.requestsFor('/other/kev.json')[0]?.headers['if-none-match']).toBeUndefined();
    expect(r.manifest?.files['known_exploited_vulnerabilities.json']?.url).toBe(
      `${server.url}/other/kev.json`,
    );
  });

  it('refuses an unsafe plan as a usage error without touching the store', async () => {
    const r = await syncFeed({ id: 'kev', source: 'kev', files: [{ name: '../x', url: server.url }] }, opts);
    expect(r).toMatchObject({ outcome: 'failed', error: { code: 'USAGE' } });
    expect(server.requests).toEqual([]);
  });
});

describe('CSAF documents with .sha512 sidecars (CSAF 2.0 §7.1.18)', () => {
  function serveCsaf(overrides: Record<string, Buffer> = {}) {
    const entries = ICSMA.map((name) => {
      const body = overrides[name] ?? readFileSync(sharedData(`cisa-csaf-ics/icsma/${name}`));
      server.set(`/csaf/2017/${name}`, { body, etag: `"${sha256Hex(body).slice(0, 16)}"` });
      return {
        id: name.replace('.json', '').toUpperCase(),
        link: [
          { rel: 'self', href: `${server.url}/csaf/2017/${name}` },
          { rel: 'hash', href: `${server.url}/csaf/2017/${name}.sha512` },
        ],
      };
    });
    for (const name of ICSMA) {
      const body = readFileSync(sharedData(`cisa-csaf-ics/icsma/${name}`));
      const hex = createHash('sha512').update(body).digest('hex');
      server.set(`/csaf/2017/${name}.sha512`, { body: Buffer.from(`${hex}  ${name}\n`) });
    }
    return { feed: { entry: entries } };
  }

  it('all documents verified → switched in with the checksum recorded; one mismatch → refused, old set kept', async () => {
    const rolie = serveCsaf();
    const plan: FeedPlan = {
      id: 'csaf-icsma',
      source: 'csaf-ics',
      files: csafDocumentFiles(rolie, 'rolie.json'),
    };
    const first = await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics']);
    expect(first.outcome).toBe('updated');
    const entry = first.manifest?.files['icsma-17-017-01.json'];
    expect(entry?.checksum?.algorithm).toBe('sha512');
    expect(entry?.checksum?.url).toBe(`${server.url}/csaf/2017/icsma-17-017-01.json.sha512`);
    const manifestBefore = readFileSync(feedPaths(home, 'csaf-icsma').manifest, 'utf8');

    // The document changes upstream but its sidecar still describes the old bytes.
    const tampered = Buffer.from(
      readFileSync(sharedData('cisa-csaf-ics/icsma/icsma-17-017-01.json'), 'utf8').replace('CISA', 'C1SA'),
    );
    serveCsaf({ 'icsma-17-017-01.json': tampered });
    const second = await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics']);
    expect(second.outcome).toBe('failed');
    expect(second.error).toMatchObject({ feedCode: 'FEED_CHECKSUM' });
    expect(second.error?.detail).toContain('icsma-17-017-01.json');
    expect(readFileSync(feedPaths(home, 'csaf-icsma').manifest, 'utf8')).toBe(manifestBefore);
  });

  it('a ROLIE entry without a hash link is refused for a trusted provider', () => {
    const rolie = { feed: { entry: [{ id: 'X', link: [{ rel: 'self', href: 'https://h/x.json' }] }] } };
    expect(() => csafDocumentFiles(rolie, 'rolie.json')).toThrow(/does not match the checksum/);
    expect(csafDocumentFiles(rolie, 'rolie.json', { trusted: false })).toEqual([
      { name: 'x.json', url: 'https://h/x.json', checksum: undefined },
    ]);
  });
});

describe('syncFeeds: several feeds, each atomic on its own', () => {
  it('reports per feed which were updated and which kept their old data, and why', async () => {
    const config = { mirror: server.url, osvEcosystems: ['Go', 'PyPI'] };
    const plans = planFeeds(config);
    server.set('/epss/epss_scores-current.csv.gz', { body: epssGz(), etag: '"e1"' });
    server.set('/osv-Go/all.zip', { body: osvZip(), etag: '"g1"' });
    server.set('/osv-PyPI/all.zip', { body: Buffer.from('PK not really a zip'), etag: '"p1"' });
    server.set('/csaf-ics/rolie-feed.json', {
      body: Buffer.from(JSON.stringify(serveRolieStub())),
      etag: '"r1"',
    });
    const first = await syncFeeds(plans, opts, DEFAULT_VALIDATORS);
    const outcome = (r: { results: Array<{ id: string; outcome: string }> }) =>
      Object.fromEntries(r.results.map((x) => [x.id, x.outcome]));
    expect(outcome(first)).toEqual({
      kev: 'updated',
      epss: 'updated',
      'osv-Go': 'updated',
      'osv-PyPI': 'failed',
      'csaf-ics': 'updated',
    });
    expect(first.ok).toBe(false);
    expect(first.results.find((r) => r.id === 'osv-PyPI')?.error?.code).toBe('INPUT_UNREADABLE');

    // Second round: EPSS now serves a truncated gzip, KEV is down; both keep what they had.
    const gz = epssGz();
    server.set('/epss/epss_scores-current.csv.gz', { body: gz.subarray(0, gz.length - 20), etag: '"e2"' });
    server.set(KEV_PATH, { body: KEV, status: 503 });
    const epssBefore = readFileSync(feedPaths(home, 'epss').manifest, 'utf8');
    const second = await syncFeeds(plans, opts, DEFAULT_VALIDATORS);
    expect(outcome(second)).toEqual({
      kev: 'failed',
      epss: 'failed',
      'osv-Go': 'not-modified',
      'osv-PyPI': 'failed',
      'csaf-ics': 'not-modified',
    });
    const epss = second.results.find((r) => r.id === 'epss');
    expect(epss?.error).toMatchObject({ feedCode: 'FEED_INVALID' });
    expect(epss?.error?.detail).toContain('gzip');
    expect(readFileSync(feedPaths(home, 'epss').manifest, 'utf8')).toBe(epssBefore);
    expect(second.results.find((r) => r.id === 'kev')?.error?.detail).toContain('HTTP 503');
  });
});

function serveRolieStub() {
  return { feed: { id: 'cisa-csaf-ot-feed-tlp-white', entry: [] } };
}
