/** Builders shared by the policy specs: inputs with everything unknown unless given. */
import { readFileSync } from 'node:fs';
import type { PolicyInputs } from './inputs.js';

/** Real data copied for tests (shared/data, see its README files). */
export const sharedData = (path: string) => new URL(`../../../../shared/data/${path}`, import.meta.url);

/** Read a shared data file as text. */
export const readShared = (path: string) => readFileSync(sharedData(path), 'utf8');

/** Read a shipped pack's YAML text. */
export const packText = (id: string) => readFileSync(new URL(`./packs/${id}.yaml`, import.meta.url), 'utf8');

type Patch = {
  severity?: PolicyInputs['severity'];
  kev?: PolicyInputs['kev'];
  asset?: Partial<PolicyInputs['asset']>;
} & Omit<Partial<PolicyInputs>, 'severity' | 'kev' | 'asset'>;

/** Inputs where nothing is known, overlaid with `patch`. */
export function inputs(patch: Patch = {}): PolicyInputs {
  const { asset, ...rest } = patch;
  return {
    severity: { rating: 'unknown', cvss: null },
    kev: { listed: null },
    epss: null,
    ssvc: null,
    risk: null,
    controls: null,
    ...rest,
    asset: { phi: null, environment: null, internetExposed: null, ...asset },
  };
}

/**
 * CVE-2023-4863 (libwebp heap overflow), from the copied feeds:
 * NVD CVE JSON 2.0 sample — CVSS 3.1 8.8 HIGH `AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H`;
 * CISA KEV — dateAdded 2023-09-13; FIRST EPSS (snapshot of 2026-08-16) — 0.99735, percentile 0.99953.
 * The SSVC points are NOT in the copied data: exploitation `active` follows from the KEV listing;
 * automatable `no` (user interaction required) and technical impact `total` (C/I/A high) are our
 * reading of the vector, standing in for CISA Vulnrichment's published values.
 */
export const CVE_2023_4863 = {
  severity: {
    rating: 'high',
    cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', score: 8.8 },
  },
  kev: { listed: true, dateAdded: '2023-09-13', knownRansomware: false },
  epss: { score: 0.99735, percentile: 0.99953, modelVersion: null, date: '2026-08-16' },
  ssvc: { exploitation: 'active', automatable: 'no', technicalImpact: 'total', outcomes: {} },
} as const satisfies Partial<PolicyInputs>;

/**
 * BOD 26-04 Table 1 as CERT/CC encodes it (shared/data/ssvc/cisa_bod_26_04_1_0_0.csv): a stand-in
 * for the SSVC module, which computes `ssvc.outcomes['cisa-bod-26-04']` in production.
 */
export function bodTable(): {
  kev: string;
  exposed: string;
  automatable: string;
  impact: string;
  outcome: string;
}[] {
  const [, ...rows] = readShared('ssvc/cisa_bod_26_04_1_0_0.csv').trim().split('\n');
  return rows.map((line) => {
    const [, kev, exposed, automatable, impact, outcome] = line.split(',');
    return { kev: kev!, exposed: exposed!, automatable: automatable!, impact: impact!, outcome: outcome! };
  });
}

/** The BOD 26-04 outcome name for four yes/no-ish points, from the CSV. */
export function bodOutcome(
  kev: boolean,
  exposed: boolean,
  automatable: boolean,
  impact: 'partial' | 'total',
): string {
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  const row = bodTable().find(
    (r) =>
      r.kev === yn(kev) &&
      r.exposed === yn(exposed) &&
      r.automatable === yn(automatable) &&
      r.impact === impact,
  );
  if (!row) throw new Error('no BOD 26-04 row');
  return row.outcome;
}
