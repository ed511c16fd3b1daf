/**
 * SARIF 2.1.0 export (OASIS Static Analysis Results Interchange Format): one run whose driver
 * lists one rule per check, and one result per non-passing posture result. Section numbers below
 * are those of the SARIF 2.1.0 specification. The tests validate the log against the official
 * OASIS schema (schemas/sarif-2.1.0/).
 */
import type { CheckResult, PostureCheck } from '../check.js';
import { checkLookup, type ExportInput } from './input.js';

/** §3.13.3 `$schema`: the OASIS-published schema (2.1.0 errata01) the tests validate the log against. */
export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type SarifResult = Record<string, unknown>;

/** The SARIF log for the input, as a JSON string. */
export function toSarif(input: ExportInput): string {
  const checkOf = checkLookup(input.checks);
  const ruleIndex = new Map(input.checks.map((c, i) => [c.id, i]));
  const results: SarifResult[] = [];
  for (const r of input.results) {
    if (r.status === 'pass') continue; // only what needs attention: a fail, a review, or a gap
    results.push(sarifResult(r, checkOf(r.checkId), ruleIndex.get(r.checkId)!));
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'PatchWarden',
            ...(input.productUri !== undefined ? { informationUri: input.productUri } : {}),
            rules: input.checks.map(rule),
          },
        },
        // §3.14.20 run.properties: the snapshot the verdicts rest on.
        properties: {
          provider: input.snapshot.provider,
          collectedAt: input.snapshot.collectedAt,
          generatedAt: input.generatedAt.toISOString(),
          accounts: [...input.snapshot.accounts],
          ...(input.snapshot.id !== undefined ? { snapshotId: input.snapshot.id } : {}),
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A check as a reportingDescriptor (§3.49): risk as fullDescription, remediation as help. */
function rule(check: PostureCheck): Record<string, unknown> {
  return {
    id: check.id,
    name: check.id,
    shortDescription: { text: check.title },
    fullDescription: { text: check.risk },
    help: { text: helpText(check) },
    ...(check.remediation.url !== undefined ? { helpUri: check.remediation.url } : {}),
    // §3.49.14 defaultConfiguration.level: what a failure of this rule is reported as.
    defaultConfiguration: { level: failLevel(check) },
    properties: {
      citations: [...check.citations],
      severity: check.severity,
      resourceType: check.resourceType,
    },
  };
}

function helpText(check: PostureCheck): string {
  const parts = [check.remediation.text];
  if (check.remediation.cli !== undefined) parts.push(`CLI: ${check.remediation.cli}`);
  if (check.remediation.terraform !== undefined) parts.push(`Terraform: ${check.remediation.terraform}`);
  return parts.join('\n\n');
}

function failLevel(check: PostureCheck): 'error' | 'warning' {
  return check.severity === 'critical' || check.severity === 'high' ? 'error' : 'warning';
}

/**
 * §3.27.9 result.kind and §3.27.10 result.level: `fail` carries the level; any other kind SHALL
 * have level `none`. A manual result is kind `review` ("requires review by a human user"); an
 * error is kind `open` (the rule was evaluated but "there was insufficient information").
 */
function sarifResult(r: CheckResult, check: PostureCheck, index: number): SarifResult {
  const kind = r.status === 'fail' ? 'fail' : r.status === 'manual' ? 'review' : 'open';
  return {
    ruleId: check.id,
    ruleIndex: index,
    kind,
    level: kind === 'fail' ? failLevel(check) : 'none',
    message: { text: r.message },
    // §3.33 logicalLocation: a cloud resource has no file, so the resource id is its location.
    locations: [
      {
        logicalLocations: [{ name: r.resourceId, fullyQualifiedName: r.resourceId, kind: r.resourceType }],
      },
    ],
    // §3.27.17 partialFingerprints: versioned key, stable across scans (findingId is deterministic).
    partialFingerprints: { 'findingId/v1': r.findingId },
    properties: {
      status: r.status,
      account: r.account,
      region: r.region,
      citations: [...check.citations],
      evidence: r.evidence,
    },
  };
}
