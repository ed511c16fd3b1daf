/**
 * The input every posture exporter takes: the snapshot header, the results of one run and the
 * checks that produced them (for titles, severities, citations and remediation). Exporters are
 * pure functions of it: no clock (the caller passes `generatedAt`), no I/O.
 */

import type { CloudProvider } from '../../core/cloud.js';
import { AppError } from '../../core/errors.js';
import type { CheckResult, PostureCheck } from '../check.js';

/** The part of a cloud snapshot an export names (never its resources: results carry those). */
export interface ExportSnapshot {
  id?: string;
  provider: CloudProvider;
  collectedAt: string;
  accounts: readonly string[];
}

export interface ExportInput {
  snapshot: ExportSnapshot;
  results: readonly CheckResult[];
  checks: readonly PostureCheck[];
  generatedAt: Date;
  /** Where PatchWarden's documentation lives (SARIF `informationUri`, OCSF `product.url_string`); omitted when absent. */
  productUri?: string;
}

/** Look up each result's check by id; a result naming an unknown check is a caller bug, so it throws. */
export function checkLookup(checks: readonly PostureCheck[]): (checkId: string) => PostureCheck {
  const byId = new Map(checks.map((c) => [c.id, c]));
  return (checkId) => {
    const check = byId.get(checkId);
    if (check === undefined) {
      throw new AppError('INTERNAL', {
        reason: 'posture result names a check not passed to the export',
        checkId,
      });
    }
    return check;
  };
}

/** The AWS partition of an ARN (`aws`, `aws-us-gov`, `aws-cn`); undefined for anything else. */
export function awsPartition(resourceId: string): string | undefined {
  // ARN format: arn:partition:service:region:account-id:resource (AWS General Reference, "ARNs").
  const m = /^arn:([a-z-]+):/.exec(resourceId);
  return m?.[1];
}
