/**
 * CVE JSON 5.x record (`dataType: "CVE_RECORD"`) → CveIntel. Reads the CNA container and every
 * ADP container, notably CISA's "CISA ADP Vulnrichment" (SSVC, KEV, CVSS, CWE where the CNA gave
 * none; https://github.com/cisagov/vulnrichment).
 */
import { AppError } from '../../core/errors.js';
import { validateShape } from '../../core/structured-input.js';
import { countDistinctUrls, distinctCwes } from './common.js';
import { type Container, CVE5_METRIC_KEYS, Cve5Record, KevContent } from './cve5-schema.js';
import { checkCvss } from './cvss-check.js';
import { latestSsvc, SsvcContent, toSsvcPoints } from './ssvc.js';
import type { CveIntel, CvssMetric, KevFlag, MetricType, SsvcPoints } from './types.js';

interface Located {
  container: Container;
  pointer: string;
  /** The CNA speaks for the record; ADPs add to it (CVE Program "ADP" role). */
  type: MetricType;
}

/** Read one CVE JSON 5.x record. */
export function readCve5Record(value: unknown, file: string): CveIntel {
  assertCve5(value, file);
  const record = validateShape(Cve5Record, value, file);
  const id = record.cveMetadata.cveId;
  const containers: Located[] = [
    { container: record.containers.cna, pointer: '/containers/cna', type: 'Primary' },
    ...(record.containers.adp ?? []).map(
      (container, i): Located => ({ container, pointer: `/containers/adp/${i}`, type: 'Secondary' }),
    ),
  ];
  const cvss: CvssMetric[] = [];
  const ssvcs: SsvcPoints[] = [];
  let kev: KevFlag | undefined;
  for (const { container, pointer, type } of containers) {
    const source = container.providerMetadata.shortName ?? container.providerMetadata.orgId;
    for (const [i, metric] of (container.metrics ?? []).entries()) {
      for (const [key, version] of CVE5_METRIC_KEYS) {
        const c = metric[key];
        if (!c) continue;
        cvss.push({
          version,
          vector: c.vectorString,
          baseScore: c.baseScore,
          baseSeverity: c.baseSeverity ?? null,
          source,
          type,
          ...checkCvss(version, c.vectorString, c.baseScore),
        });
      }
      const at = `${pointer}/metrics/${i}/other/content`;
      if (metric.other?.type === 'ssvc') {
        const content = validateShape(SsvcContent, metric.other.content, file, at);
        ssvcs.push(toSsvcPoints(content, id, source, file, at));
      } else if (metric.other?.type === 'kev' && !kev) {
        const content = validateShape(KevContent, metric.other.content, file, at);
        kev = {
          dateAdded: content.dateAdded,
          ...(content.reference ? { reference: content.reference } : {}),
        };
      }
    }
  }
  const ssvc = latestSsvc(ssvcs);
  const { state, datePublished, dateUpdated } = record.cveMetadata;
  return {
    id,
    published: datePublished ?? null,
    modified: dateUpdated ?? null,
    status: state,
    rejected: state === 'REJECTED',
    cvss,
    cwes: distinctCwes(containers.flatMap(({ container }) => cweCandidates(container))),
    ...(kev ? { kev } : {}),
    ...(ssvc ? { ssvc } : {}),
    references: countDistinctUrls(containers.flatMap(({ container }) => container.references ?? [])),
    sourceFile: file,
    sourcePointer: '',
  };
}

// Schema: problemTypes[].descriptions[] has `cweId` when `type` is "CWE". Some CNAs write only
// the text (curl: "CWE-125 Out-of-bounds Read", no type, no cweId); its leading CWE id is taken.
function cweCandidates(container: Container): string[] {
  return (container.problemTypes ?? []).flatMap((p) =>
    p.descriptions.flatMap((d) => {
      if (d.cweId !== undefined) return [d.cweId];
      if (d.type !== undefined && d.type !== 'CWE') return [];
      const lead = /^CWE-[1-9]\d*(?!\d)/.exec(d.description);
      return lead ? [lead[0]] : [];
    }),
  );
}

// dataType/dataVersion identify the format (schema: dataType const "CVE_RECORD", dataVersion
// "5.x"); CVE JSON 4 (`data_type: "CVE"`) is a different shape.
function assertCve5(value: unknown, file: string): void {
  const v = value as { dataType?: unknown; dataVersion?: unknown };
  if (v.dataType !== 'CVE_RECORD') {
    throw new AppError('INPUT_UNSUPPORTED_SPEC', {
      file,
      pointer: '/dataType',
      reason: 'expected "CVE_RECORD"',
    });
  }
  if (typeof v.dataVersion !== 'string' || !/^5\.\d+(\.\d+)?$/.test(v.dataVersion)) {
    const reason = `CVE record format version ${JSON.stringify(v.dataVersion)}; only 5.x is supported`;
    throw new AppError('INPUT_UNSUPPORTED_SPEC', { file, pointer: '/dataVersion', reason });
  }
}
