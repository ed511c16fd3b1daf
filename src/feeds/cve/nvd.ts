/**
 * NVD CVE API 2.0 → CveIntel. Reads a whole response page (`{format: "NVD_CVE", version: "2.0",
 * vulnerabilities: [{cve}]}`), a single `{cve: …}` item or a bare `cve` object. A page is read
 * all-or-nothing: one malformed record fails the read with its JSON pointer.
 */
import { AppError } from '../../core/errors.js';
import { validateShape } from '../../core/structured-input.js';
import { countDistinctUrls, distinctCwes } from './common.js';
import { checkCvss } from './cvss-check.js';
import { NVD_METRIC_KEYS, NvdCve, NvdPage } from './nvd-schema.js';
import { latestSsvc, toSsvcPoints } from './ssvc.js';
import type { CveIntel, CvssMetric, KevFlag } from './types.js';

/** Read an NVD CVE API 2.0 response page; every record or none. */
export function readNvdPage(value: unknown, file: string): CveIntel[] {
  assertNvd20(value, file);
  const page = validateShape(NvdPage, value, file);
  return page.vulnerabilities.map((v, i) => toCveIntel(v.cve, file, `/vulnerabilities/${i}/cve`));
}

/** Read one NVD `cve` object; `base` is its JSON pointer in the file (`` or `/cve`). */
export function readNvdCve(value: unknown, file: string, base = ''): CveIntel {
  return toCveIntel(validateShape(NvdCve, value, file, base), file, base);
}

// The API's own identification (response members `format` and `version`); the 1.1 data feeds
// (`CVE_data_format`) and any later version differ in shape.
function assertNvd20(value: unknown, file: string): void {
  const v = value as { format?: unknown; version?: unknown };
  if (v.format !== 'NVD_CVE') {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', { file, pointer: '/format', reason: 'expected "NVD_CVE"' });
  }
  if (v.version !== '2.0') {
    const reason = `NVD CVE API version ${JSON.stringify(v.version)}; only "2.0" is supported`;
    throw new AppError('INPUT_UNSUPPORTED_SPEC', { file, pointer: '/version', reason });
  }
}

function toCveIntel(cve: NvdCve, file: string, base: string): CveIntel {
  const ssvc = latestSsvc(
    (cve.metrics?.ssvcV203 ?? []).map((m, i) =>
      toSsvcPoints(m.ssvcData, cve.id, m.source, file, `${base}/metrics/ssvcV203/${i}/ssvcData`),
    ),
  );
  const kev = kevOf(cve);
  return {
    id: cve.id,
    published: cve.published,
    modified: cve.lastModified,
    status: cve.vulnStatus ?? null,
    // API docs: rejected CVEs stay in the API with vulnStatus "Rejected" (noRejected filters them).
    rejected: cve.vulnStatus === 'Rejected',
    cvss: cvssOf(cve),
    cwes: distinctCwes((cve.weaknesses ?? []).flatMap((w) => w.description.map((d) => d.value))),
    ...(kev ? { kev } : {}),
    ...(ssvc ? { ssvc } : {}),
    references: countDistinctUrls(cve.references),
    sourceFile: file,
    sourcePointer: base,
  };
}

function cvssOf(cve: NvdCve): CvssMetric[] {
  const out: CvssMetric[] = [];
  for (const [key, version] of NVD_METRIC_KEYS) {
    for (const m of cve.metrics?.[key] ?? []) {
      const { vectorString, baseScore } = m.cvssData;
      out.push({
        version,
        vector: vectorString,
        baseScore,
        baseSeverity: m.cvssData.baseSeverity ?? m.baseSeverity ?? null,
        source: m.source,
        type: m.type,
        ...checkCvss(version, vectorString, baseScore),
      });
    }
  }
  return out;
}

// NVD copies the KEV catalog entry into the CVE: cisaExploitAdd = dateAdded, cisaActionDue =
// dueDate, cisaRequiredAction = requiredAction (CISA KEV schema names).
function kevOf(cve: NvdCve): KevFlag | undefined {
  if (cve.cisaExploitAdd === undefined) return undefined;
  return {
    dateAdded: cve.cisaExploitAdd,
    ...(cve.cisaActionDue !== undefined ? { dueDate: cve.cisaActionDue } : {}),
    ...(cve.cisaRequiredAction !== undefined ? { requiredAction: cve.cisaRequiredAction } : {}),
  };
}
