import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sharedData } from '../../services/shared-data.test-helpers.js';
import { CSAF_DOCS_FEED_ID, csafIncludeFilter, planCsafDocuments } from './csaf-docs.js';
import { type FakeFeedServer, startFakeFeedServer } from './fake-feed-server.test-helpers.js';
import { feedPaths } from './feed-store.js';
import { type SyncOptions, syncFeed } from './mirror.js';
import { planFeeds } from './sources.js';
import { DEFAULT_VALIDATORS } from './validators.js';

// Three real ICSMA advisories and one ICSA advisory (not medical: filtered out by default).
const DOCS = {
  'icsma-17-009-01a.json': 'icsma',
  'icsma-17-017-01.json': 'icsma',
  'icsma-17-017-02.json': 'icsma',
  'icsa-24-025-01.json': 'icsa',
} as const;

let server: FakeFeedServer;
let home: string;
let opts: SyncOptions;

const body = (name: keyof typeof DOCS) => readFileSync(sharedData(`cisa-csaf-ics/${DOCS[name]}/${name}`));
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('hex');

/** Serve the documents, their `.sha512` sidecars (CSAF 2.0 §7.1.18) and a ROLIE feed listing them. */
function serve(sidecarOverride: Partial<Record<keyof typeof DOCS, string>> = {}) {
  const entry = (Object.keys(DOCS) as (keyof typeof DOCS)[]).map((name) => {
    const path = `/csaf/${name}`;
    server.set(path, { body: body(name), etag: `"${name}"` });
    server.set(`${path}.sha512`, {
      body: Buffer.from(`${sidecarOverride[name] ?? sha512(body(name))}  ${name}\n`),
    });
    return {
      id: name.replace('.json', '').toUpperCase(),
      link: [
        { rel: 'self', href: `${server.url}${path}` },
        { rel: 'hash', href: `${server.url}${path}.sha512` },
        { rel: 'signature', href: `${server.url}${path}.asc` },
      ],
    };
  });
  server.set('/rolie.json', { body: Buffer.from(JSON.stringify({ feed: { entry } })), etag: '"r1"' });
}

async function syncRolie() {
  const plan = planFeeds({ urls: { 'csaf-ics': `${server.url}/rolie.json` } }, ['csaf-ics'])[0]!;
  expect((await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics'])).outcome).not.toBe('failed');
}

beforeAll(async () => {
  server = await startFakeFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'pw-csaf-docs-'));
  opts = { home, maxBytes: 16 * 1024 * 1024, timeoutMs: 5_000 };
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

describe('CSAF documents of the ROLIE feed in force (csaf-ics-docs)', () => {
  it('no ROLIE feed synced yet → no plan', async () => {
    expect(await planCsafDocuments(home)).toBeNull();
  });

  it('syncs the ICSMA documents by default, each verified against its .sha512', async () => {
    serve();
    await syncRolie();
    const plan = (await planCsafDocuments(home))!;
    expect(plan.id).toBe(CSAF_DOCS_FEED_ID);
    expect(plan.files.map((f) => f.name)).toEqual([
      'icsma-17-009-01a.json',
      'icsma-17-017-01.json',
      'icsma-17-017-02.json',
    ]);
    const r = await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics']);
    expect(r.outcome, r.error?.detail).toBe('updated');
    for (const [name, e] of Object.entries(r.manifest!.files)) {
      expect(e.checksum).toEqual({
        algorithm: 'sha512',
        url: `${server.url}/csaf/${name}.sha512`,
        hex: sha512(body(name as keyof typeof DOCS)),
      });
    }
  });

  it('one tampered sidecar refuses the set: the previous documents stay in force', async () => {
    serve();
    await syncRolie();
    const plan = (await planCsafDocuments(home))!;
    await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics']);
    const paths = feedPaths(home, CSAF_DOCS_FEED_ID);
    const before = readFileSync(paths.manifest, 'utf8');

    // Upstream republishes the documents (new ETags) while one sidecar no longer matches.
    serve({ 'icsma-17-017-02.json': 'f'.repeat(128) });
    for (const name of Object.keys(DOCS))
      server.set(`/csaf/${name}`, { body: body(name as keyof typeof DOCS), etag: '"v2"' });
    const r = await syncFeed(plan, opts, DEFAULT_VALIDATORS['csaf-ics']);
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatchObject({ feedCode: 'FEED_CHECKSUM' });
    expect(r.error?.detail).toContain('icsma-17-017-02.json');
    expect(readFileSync(paths.manifest, 'utf8')).toBe(before);
    expect(readdirSync(paths.current).sort()).toEqual([
      'icsma-17-009-01a.json',
      'icsma-17-017-01.json',
      'icsma-17-017-02.json',
      'manifest.json',
    ]);
  });

  it('the filter is configurable (`*` takes every document) and a mirror serves documents and sidecars', async () => {
    serve();
    await syncRolie();
    const all = (await planCsafDocuments(home, { csafInclude: ['*'] }))!;
    expect(all.files.map((f) => f.name)).toContain('icsa-24-025-01.json');
    const icsa = (await planCsafDocuments(home, { csafInclude: ['icsa-'] }))!;
    expect(icsa.files.map((f) => f.name)).toEqual(['icsa-24-025-01.json']);
    const mirrored = (await planCsafDocuments(home, { mirror: 'http://mirror.internal/feeds/' }))!;
    expect(mirrored.files[0]).toEqual({
      name: 'icsma-17-009-01a.json',
      url: 'http://mirror.internal/feeds/csaf-ics-docs/icsma-17-009-01a.json',
      checksum: {
        url: 'http://mirror.internal/feeds/csaf-ics-docs/icsma-17-009-01a.json.sha512',
        algorithm: 'sha512',
      },
    });
  });

  it('csafIncludeFilter matches tracking-id prefixes case-insensitively', () => {
    const f = csafIncludeFilter(['ICSMA-']);
    expect([f('ICSMA-17-009-01A'), f('icsma-1'), f('ICSA-24-025-01')]).toEqual([true, true, false]);
  });
});
