/**
 * The feed catalogue as data, and the plans derived from it: which files to fetch from where.
 * Every URL can be replaced (config object or environment), so an air-gapped site points
 * PatchWarden at its own mirror. See readme.md for what each source publishes.
 */
import type { ChecksumAlgorithm, ChecksumRef } from './checksum.js';

/** Identifiers of the catalogued sources. */
export const FEED_SOURCE_IDS = ['kev', 'epss', 'osv', 'nvd', 'csaf-ics'] as const;
export type FeedSourceId = (typeof FEED_SOURCE_IDS)[number];

/** One catalogued upstream: where it lives by default and how its integrity can be checked. */
export interface FeedSource {
  id: FeedSourceId;
  title: string;
  format: 'json' | 'csv.gz' | 'zip' | 'nvd-api-json' | 'csaf-rolie-json';
  /** Default URL; for `osv` a base, `<base>/<Ecosystem>/all.zip`; for `nvd` the API endpoint. */
  defaultUrl: string;
  /** A published checksum sidecar, when the source has one (CSAF 2.0 §7.1.18). */
  checksum: { algorithm: ChecksumAlgorithm; scope: string } | null;
  notes: string;
}

/** The catalogue. */
export const FEED_SOURCES: Readonly<Record<FeedSourceId, FeedSource>> = {
  kev: {
    id: 'kev',
    title: 'CISA Known Exploited Vulnerabilities catalog',
    format: 'json',
    defaultUrl: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
    checksum: null,
    notes: 'One JSON document; no checksum file is published next to it.',
  },
  epss: {
    id: 'epss',
    title: 'FIRST EPSS daily scores',
    format: 'csv.gz',
    defaultUrl: 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz',
    checksum: null,
    notes:
      'Gzipped CSV, one row per CVE (`cve,epss,percentile` after a `#model_version` comment); no checksum file.',
  },
  osv: {
    id: 'osv',
    title: 'OSV per-ecosystem archives',
    format: 'zip',
    defaultUrl: 'https://osv-vulnerabilities.storage.googleapis.com',
    checksum: null,
    notes: 'One all.zip per ecosystem (`<base>/<Ecosystem>/all.zip`); GCS sends an ETag, no sidecar.',
  },
  nvd: {
    id: 'nvd',
    title: 'NVD CVE API 2.0',
    format: 'nvd-api-json',
    defaultUrl: 'https://services.nvd.nist.gov/rest/json/cves/2.0',
    checksum: null,
    notes:
      'Paged API (startIndex, resultsPerPage ≤ 2000; lastModStartDate/lastModEndDate for incremental, ' +
      'at most 120 days apart). Rate-limited per IP or API key (`apiKey` request header); see NVD_API.',
  },
  'csaf-ics': {
    id: 'csaf-ics',
    title: 'CISA CSAF advisories, OT/ICS incl. medical (ICSMA), TLP:WHITE',
    format: 'csaf-rolie-json',
    defaultUrl:
      'https://raw.githubusercontent.com/cisagov/CSAF/develop/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json',
    checksum: {
      algorithm: 'sha512',
      scope: 'each CSAF document has `<doc>.json.sha512` (ROLIE link rel="hash")',
    },
    notes:
      'ROLIE feed designated by https://www.cisa.gov/sites/default/files/csaf/provider-metadata.json; ' +
      'documents carry .sha512 and .asc sidecars (no .sha256).',
  },
};

/** CISA's CSAF provider metadata (CSAF 2.0 §7.1.7): the entry point naming the ROLIE feeds. */
export const CISA_CSAF_PROVIDER_METADATA =
  'https://www.cisa.gov/sites/default/files/csaf/provider-metadata.json';

/** NVD API 2.0 limits a pager must respect (nvd.nist.gov/developers). */
export const NVD_API = {
  maxResultsPerPage: 2000,
  /** lastModStartDate and lastModEndDate must both be given and be at most 120 days apart. */
  maxModifiedRangeDays: 120,
  /**
   * Published limits have changed over time (5 / 50 requests per rolling 30 s without / with a key;
   * the start-here page later states 10 / 100 per 60 s). Pace at the stricter figure.
   */
  minDelayMsWithoutKey: 6_000,
  minDelayMsWithKey: 600,
} as const;

/** OSV ecosystems synced when none are configured: those our version schemes cover best. */
export const DEFAULT_OSV_ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Maven',
  'Go',
  'NuGet',
  'RubyGems',
  'crates.io',
] as const;

/** Where feeds come from: per-source URL overrides, a mirror base, OSV ecosystems, NVD key. */
export interface FeedConfig {
  urls?: Partial<Record<FeedSourceId, string>> | undefined;
  /** Base URL of a local mirror; every file is then `<mirror>/<feed id>/<file name>`. */
  mirror?: string | undefined;
  osvEcosystems?: readonly string[] | undefined;
  nvdApiKey?: string | undefined;
  /** Milliseconds between NVD requests; default NVD_API.minDelayMsWith(out)Key. */
  nvdDelayMs?: number | undefined;
  /** CSAF documents to sync by tracking-id prefix (case-insensitive); default ICSMA-, `*` for all. */
  csafInclude?: readonly string[] | undefined;
}

/**
 * Feed settings from the environment: PATCHWARDEN_FEED_MIRROR, PATCHWARDEN_FEED_<ID>_URL
 * (ID upper-cased, `-` → `_`, e.g. PATCHWARDEN_FEED_CSAF_ICS_URL), PATCHWARDEN_OSV_ECOSYSTEMS
 * (comma-separated), PATCHWARDEN_CSAF_INCLUDE (comma-separated tracking-id prefixes), NVD_API_KEY
 * and PATCHWARDEN_NVD_DELAY_MS.
 */
export function feedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): FeedConfig {
  const urls: Partial<Record<FeedSourceId, string>> = {};
  for (const id of FEED_SOURCE_IDS) {
    const value = env[`PATCHWARDEN_FEED_${id.toUpperCase().replace(/-/g, '_')}_URL`];
    if (value) urls[id] = value;
  }
  const ecosystems = env.PATCHWARDEN_OSV_ECOSYSTEMS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const delay = env.PATCHWARDEN_NVD_DELAY_MS ? Number(env.PATCHWARDEN_NVD_DELAY_MS) : undefined;
  const csaf = env.PATCHWARDEN_CSAF_INCLUDE?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    urls,
    mirror: env.PATCHWARDEN_FEED_MIRROR || undefined,
    csafInclude: csaf?.length ? csaf : undefined,
    osvEcosystems: ecosystems?.length ? ecosystems : undefined,
    nvdApiKey: env.NVD_API_KEY || undefined,
    nvdDelayMs: delay !== undefined && Number.isFinite(delay) && delay >= 0 ? delay : undefined,
  };
}

/** One file of a feed: its local name (a plain file name), URL, optional sidecar and headers. */
export interface FeedFile {
  name: string;
  url: string;
  checksum?: ChecksumRef | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}

/** A feed as the mirror syncs it: an id (its folder under feeds/) and its files. */
export interface FeedPlan {
  id: string;
  source: FeedSourceId;
  files: FeedFile[];
}

function joinUrl(base: string, ...parts: string[]): string {
  return [base.replace(/\/+$/, ''), ...parts.map(encodeURIComponent)].join('/');
}

/** Feed id of one OSV ecosystem: `osv-<ecosystem>` with characters unsafe in a folder name replaced. */
export function osvFeedId(ecosystem: string): string {
  return `osv-${ecosystem.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/**
 * The plans for single-document sources (kev, epss, one per OSV ecosystem, the CSAF ROLIE feed).
 * NVD pages and CSAF documents depend on a first response; see nvdPageFiles and csafDocumentFiles.
 * Precedence per source: explicit URL, then the mirror, then the public default.
 */
export function planFeeds(config: FeedConfig = {}, only?: readonly FeedSourceId[]): FeedPlan[] {
  const want = (id: FeedSourceId) => !only || only.includes(id);
  const url = (id: FeedSourceId, feedId: string, name: string, upstream: string) =>
    config.urls?.[id] ?? (config.mirror ? joinUrl(config.mirror, feedId, name) : upstream);
  const plans: FeedPlan[] = [];
  const single = (id: 'kev' | 'epss' | 'csaf-ics', name: string) => {
    if (want(id))
      plans.push({ id, source: id, files: [{ name, url: url(id, id, name, FEED_SOURCES[id].defaultUrl) }] });
  };
  single('kev', 'known_exploited_vulnerabilities.json');
  single('epss', 'epss_scores-current.csv.gz');
  if (want('osv')) {
    for (const ecosystem of config.osvEcosystems ?? DEFAULT_OSV_ECOSYSTEMS) {
      const id = osvFeedId(ecosystem);
      // An explicit OSV URL is a base like the default (a mirror of the bucket's layout).
      const base = config.urls?.osv ?? (config.mirror ? undefined : FEED_SOURCES.osv.defaultUrl);
      const fileUrl = base
        ? joinUrl(base, ecosystem, 'all.zip')
        : joinUrl(config.mirror ?? '', id, 'all.zip');
      plans.push({ id, source: 'osv', files: [{ name: 'all.zip', url: fileUrl }] });
    }
  }
  single('csaf-ics', 'rolie-feed.json');
  return plans;
}

/** Query of one NVD API page (startIndex paging; lastMod* window for incremental syncs). */
export interface NvdPageQuery {
  startIndex: number;
  resultsPerPage?: number | undefined;
  lastModStartDate?: string | undefined;
  lastModEndDate?: string | undefined;
}

/** URL of one NVD CVE API 2.0 page. */
export function nvdPageUrl(base: string, q: NvdPageQuery): string {
  const perPage = q.resultsPerPage ?? NVD_API.maxResultsPerPage;
  if (perPage < 1 || perPage > NVD_API.maxResultsPerPage) throw new RangeError(`resultsPerPage ${perPage}`);
  if ((q.lastModStartDate === undefined) !== (q.lastModEndDate === undefined)) {
    // The API answers 404 when only one end of the window is given.
    throw new RangeError('lastModStartDate and lastModEndDate go together');
  }
  const u = new URL(base);
  u.searchParams.set('startIndex', String(q.startIndex));
  u.searchParams.set('resultsPerPage', String(perPage));
  if (q.lastModStartDate && q.lastModEndDate) {
    u.searchParams.set('lastModStartDate', q.lastModStartDate);
    u.searchParams.set('lastModEndDate', q.lastModEndDate);
  }
  return u.toString();
}

/** The files of an NVD sync once the first page told `totalResults`: one file per page. */
export function nvdPageFiles(
  config: FeedConfig,
  totalResults: number,
  window?: { lastModStartDate: string; lastModEndDate: string },
  resultsPerPage: number = NVD_API.maxResultsPerPage,
): FeedFile[] {
  const base = config.urls?.nvd ?? FEED_SOURCES.nvd.defaultUrl;
  const headers = config.nvdApiKey ? { apiKey: config.nvdApiKey } : undefined;
  const files: FeedFile[] = [];
  for (let start = 0, page = 0; start < Math.max(totalResults, 1); start += resultsPerPage, page++) {
    files.push({
      name: `page-${String(page).padStart(5, '0')}.json`,
      url: nvdPageUrl(base, { startIndex: start, resultsPerPage, ...window }),
      headers,
    });
  }
  return files;
}
