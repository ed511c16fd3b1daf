/**
 * Test-only: an NVD CVE API 2.0 stand-in for the fake feed server, serving the 23 real records of
 * ../shared/data/osv/nvd-cve-json-2.0-samples as pages with the response fields the API documents
 * (resultsPerPage, startIndex, totalResults, format, version, timestamp, vulnerabilities). It
 * honours startIndex/resultsPerPage (capped at `maxPerPage`) and the lastModStartDate/EndDate window.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from '../../services/shared-data.test-helpers.js';
import type { FakeHandler, FakeResource } from './fake-feed-server.test-helpers.js';

/** One `vulnerabilities[]` item of an NVD page. */
export interface NvdItem {
  cve: { id: string; lastModified: string };
}

/** The sample records, sorted by CVE id. */
export function nvdSampleItems(): NvdItem[] {
  const dir = sharedData('osv/nvd-cve-json-2.0-samples');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map(
      (n) =>
        (JSON.parse(readFileSync(join(dir, n), 'utf8')) as { vulnerabilities: NvdItem[] })
          .vulnerabilities[0]!,
    );
}

const utc = (t: string) => Date.parse(/Z$|[+-]\d\d:\d\d$/.test(t) ? t : `${t}Z`);

/** Options: page cap, per-request overrides (a 503, a dropped body) keyed by startIndex. */
export interface FakeNvdOptions {
  items?: NvdItem[];
  maxPerPage?: number;
  /** Called per request; return a resource to answer with instead of the page (e.g. a 503). */
  override?: (startIndex: number, query: URLSearchParams) => Partial<FakeResource> | null;
}

/** A handler for the fake server answering NVD page requests from the sample records. */
export function fakeNvdApi(options: FakeNvdOptions = {}): FakeHandler {
  const all = options.items ?? nvdSampleItems();
  return (query) => {
    const start = Number(query.get('startIndex') ?? 0);
    const asked = Number(query.get('resultsPerPage') ?? 2000);
    const perPage = Math.min(asked, options.maxPerPage ?? 2000);
    const from = query.get('lastModStartDate');
    const to = query.get('lastModEndDate');
    const items =
      from && to
        ? all.filter((v) => utc(v.cve.lastModified) >= utc(from) && utc(v.cve.lastModified) <= utc(to))
        : all;
    const page = {
      resultsPerPage: Math.min(perPage, Math.max(items.length - start, 0)),
      startIndex: start,
      totalResults: items.length,
      format: 'NVD_CVE',
      version: '2.0',
      timestamp: '2026-09-01T00:00:00.000',
      vulnerabilities: items.slice(start, start + perPage),
    };
    const body = Buffer.from(JSON.stringify(page));
    return { body, ...options.override?.(start, query) };
  };
}
