import { describe, expect, it } from 'vitest';
import {
  FEED_SOURCE_IDS,
  FEED_SOURCES,
  feedConfigFromEnv,
  NVD_API,
  nvdPageFiles,
  nvdPageUrl,
  osvFeedId,
  planFeeds,
} from './sources.js';
import { DEFAULT_VALIDATORS } from './validators.js';

describe('feed catalogue', () => {
  it('every source is catalogued under its own id, with an https default and a validator', () => {
    for (const id of FEED_SOURCE_IDS) {
      expect(FEED_SOURCES[id].id).toBe(id);
      expect(FEED_SOURCES[id].defaultUrl).toMatch(/^https:\/\//);
      expect(typeof DEFAULT_VALIDATORS[id]).toBe('function');
    }
  });

  it('defaults: the public sources, one OSV feed per ecosystem', () => {
    const plans = planFeeds({ osvEcosystems: ['PyPI', 'crates.io'] });
    expect(plans.map((p) => [p.id, p.files.map((f) => f.url)])).toEqual([
      ['kev', ['https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json']],
      ['epss', ['https://epss.empiricalsecurity.com/epss_scores-current.csv.gz']],
      ['osv-PyPI', ['https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip']],
      ['osv-crates.io', ['https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip']],
      [
        'csaf-ics',
        [
          'https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json',
        ],
      ],
    ]);
  });

  it('a mirror base replaces every host; an explicit URL beats the mirror', () => {
    const plans = planFeeds({
      mirror: 'http://mirror.local/feeds/',
      urls: { kev: 'http://other/kev.json' },
      osvEcosystems: ['Go'],
    });
    expect(plans.map((p) => p.files[0]?.url)).toEqual([
      'http://other/kev.json',
      'http://mirror.local/feeds/epss/epss_scores-current.csv.gz',
      'http://mirror.local/feeds/osv-Go/all.zip',
      'http://mirror.local/feeds/csaf-ics/rolie-feed.json',
    ]);
    expect(
      planFeeds({ urls: { osv: 'http://m/osv' }, osvEcosystems: ['Go'] }, ['osv'])[0]?.files[0]?.url,
    ).toBe('http://m/osv/Go/all.zip');
  });

  it('reads the environment', () => {
    const config = feedConfigFromEnv({
      PATCHWARDEN_FEED_MIRROR: 'http://m',
      PATCHWARDEN_FEED_CSAF_ICS_URL: 'http://c/feed.json',
      PATCHWARDEN_OSV_ECOSYSTEMS: 'npm, Go ,',
      NVD_API_KEY: 'k',
    });
    expect(config).toEqual({
      urls: { 'csaf-ics': 'http://c/feed.json' },
      mirror: 'http://m',
      osvEcosystems: ['npm', 'Go'],
      nvdApiKey: 'k',
    });
  });

  it('reads NVD pacing and the CSAF document filter from the environment', () => {
    expect(
      feedConfigFromEnv({ PATCHWARDEN_NVD_DELAY_MS: '250', PATCHWARDEN_CSAF_INCLUDE: 'ICSMA-, ICSA-24' }),
    ).toMatchObject({ nvdDelayMs: 250, csafInclude: ['ICSMA-', 'ICSA-24'] });
    expect(feedConfigFromEnv({ PATCHWARDEN_NVD_DELAY_MS: 'soon' }).nvdDelayMs).toBeUndefined();
  });

  it('OSV feed ids are folder-safe', () => {
    expect(osvFeedId('Debian:12')).toBe('osv-Debian_12');
  });
});

describe('NVD API 2.0 paging', () => {
  it('builds page URLs with startIndex/resultsPerPage and both ends of a lastMod window', () => {
    const u = new URL(
      nvdPageUrl(FEED_SOURCES.nvd.defaultUrl, {
        startIndex: 4000,
        lastModStartDate: '2026-08-01T00:00:00.000Z',
        lastModEndDate: '2026-08-02T00:00:00.000Z',
      }),
    );
    expect(Object.fromEntries(u.searchParams)).toEqual({
      startIndex: '4000',
      resultsPerPage: String(NVD_API.maxResultsPerPage),
      lastModStartDate: '2026-08-01T00:00:00.000Z',
      lastModEndDate: '2026-08-02T00:00:00.000Z',
    });
    expect(() => nvdPageUrl('https://x', { startIndex: 0, resultsPerPage: 2001 })).toThrow(RangeError);
    expect(() => nvdPageUrl('https://x', { startIndex: 0, lastModStartDate: 'a' })).toThrow(RangeError);
  });

  it('one file per page, the API key as a header (never in the URL, so never in a manifest)', () => {
    const files = nvdPageFiles({ nvdApiKey: 'secret' }, 4001);
    expect(files.map((f) => [f.name, new URL(f.url).searchParams.get('startIndex')])).toEqual([
      ['page-00000.json', '0'],
      ['page-00001.json', '2000'],
      ['page-00002.json', '4000'],
    ]);
    expect(files[0]?.headers).toEqual({ apiKey: 'secret' });
    expect(files.some((f) => f.url.includes('secret'))).toBe(false);
    expect(nvdPageFiles({}, 0)).toHaveLength(1);
  });

  it('pages of a smaller size step by that size and ask for it', () => {
    const window = { lastModStartDate: '2025-01-01T00:00:00.000', lastModEndDate: '2025-02-01T00:00:00.000' };
    const q = nvdPageFiles({}, 23, window, 10).map((f) => Object.fromEntries(new URL(f.url).searchParams));
    expect(q.map((x) => [x.startIndex, x.resultsPerPage])).toEqual([
      ['0', '10'],
      ['10', '10'],
      ['20', '10'],
    ]);
    expect(q[0]).toMatchObject(window);
  });
});
