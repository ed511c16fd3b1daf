/**
 * RDS DB instances as the hardening checks read them (DescribeDBInstances camel-cased). Some
 * settings belong to the DB cluster when the instance is a member of one — Aurora, Multi-AZ DB
 * clusters, and the DocumentDB/Neptune instances DescribeDBInstances also lists — and RDS DB
 * clusters are not collected, so those checks say `manual` for members.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { type CheckResult, listingErrors, type PostureCheck, result } from '../../../check.js';
import { unreadable } from '../_shared/util.js';

export const DB_INSTANCE = 'AWS::RDS::DBInstance';

/** The instance's engine (`postgres`, `aurora-mysql`, `sqlserver-se`, …), or `''`. */
export function engineOf(r: CloudResource): string {
  return typeof r.configuration.engine === 'string' ? r.configuration.engine : '';
}

/** Whether a setting of the instance is decided by its DB cluster. */
export function clusterMember(r: CloudResource): string | undefined {
  const cluster = r.configuration.dBClusterIdentifier;
  if (typeof cluster === 'string' && cluster !== '') return cluster;
  return /^(aurora|docdb|neptune)/.test(engineOf(r)) ? '(cluster)' : undefined;
}

/** `manual` for a cluster member: the setting lives on a cluster the snapshot does not hold. */
export function clusterManual(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  r: CloudResource,
  setting: string,
) {
  const cluster = clusterMember(r);
  return cluster === undefined
    ? undefined
    : result(check, r, 'manual', `${setting} is set on DB cluster ${cluster}, which is not collected`, {
        engine: engineOf(r),
        dBClusterIdentifier: r.configuration.dBClusterIdentifier ?? null,
      });
}

/** Errors for regions whose DB instances could not be listed. */
export function unlistedInstances(check: Pick<PostureCheck, 'id' | 'resourceType'>, snapshot: CloudSnapshot) {
  return listingErrors(check, snapshot, 'rds', ['DescribeDBInstances'], 'db:*');
}

/** A boolean setting: pass when it is `want`, fail otherwise, error when not recorded. */
export function booleanSetting(
  check: Pick<PostureCheck, 'id' | 'resourceType'>,
  snapshot: CloudSnapshot,
  r: CloudResource,
  field: string,
  texts: { pass: string; fail: string },
): CheckResult {
  const v = r.configuration[field];
  if (typeof v !== 'boolean') return unreadable(check, snapshot, r, 'rds', field);
  const evidence = { [field]: v, engine: engineOf(r) };
  return v ? result(check, r, 'pass', texts.pass, evidence) : result(check, r, 'fail', texts.fail, evidence);
}
