/**
 * Reading IAM principals and managed policies out of the snapshot (GetAccountAuthorizationDetails
 * camel-cased, iam.ts collector): inline policy lists per principal type, the default version of
 * a managed policy, and which policies and roles the customer owns.
 */
import type { CloudResource, CloudSnapshot } from '../../../../core/cloud.js';
import { resourcesOf } from '../../../check.js';
import { arr, obj } from '../_shared/util.js';

/** The operation whose denial hides every IAM principal and policy. */
export const IAM_LISTING = ['GetAccountAuthorizationDetails'] as const;

const INLINE_KEY: Record<string, string> = {
  'AWS::IAM::User': 'userPolicyList',
  'AWS::IAM::Role': 'rolePolicyList',
  'AWS::IAM::Group': 'groupPolicyList',
};

/** Users, roles and groups: the holders of inline policies. */
export function principals(snapshot: CloudSnapshot): CloudResource[] {
  return [
    ...resourcesOf(snapshot, 'AWS::IAM::User'),
    ...resourcesOf(snapshot, 'AWS::IAM::Role'),
    ...resourcesOf(snapshot, 'AWS::IAM::Group'),
  ];
}

/** A principal's inline policies, or `undefined` when the list was not recorded. */
export function inlinePolicies(r: CloudResource): { name: string; document: unknown }[] | undefined {
  const key = INLINE_KEY[r.type];
  const list = key === undefined ? undefined : r.configuration[key];
  if (list === undefined || (list !== null && !Array.isArray(list))) return undefined;
  return arr(list).map((p, i) => {
    const o = obj(p);
    return { name: typeof o?.policyName === 'string' ? o.policyName : `#${i}`, document: o?.policyDocument };
  });
}

/**
 * Service-linked roles (path `/aws-service-role/`): their policies belong to the AWS service and
 * cannot be edited by the account (IAM User Guide, "Using service-linked roles").
 */
export function isServiceLinkedRole(r: CloudResource): boolean {
  if (r.type !== 'AWS::IAM::Role') return false;
  return r.configuration.path === '/aws-service-role/' || r.id.includes(':role/aws-service-role/');
}

/** Whether a managed policy is AWS's (`arn:<partition>:iam::aws:policy/…`) rather than the customer's. */
export function isAwsManaged(policy: CloudResource): boolean {
  return /^arn:[^:]+:iam::aws:policy\//.test(policy.id);
}

/** The document of a managed policy's default version, or `undefined` when none was recorded. */
export function defaultDocument(policy: CloudResource): unknown {
  for (const v of arr(policy.configuration.policyVersionList)) {
    const version = obj(v);
    if (version?.isDefaultVersion === true) return version.document;
  }
  return undefined;
}

/** The partition of an ARN (`aws`, `aws-us-gov`, `aws-cn`); `aws` when it is not an ARN. */
export function partitionOf(arn: string): string {
  return /^arn:([^:]+):/.exec(arn)?.[1] ?? 'aws';
}
