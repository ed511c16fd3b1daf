import { describe, expect, it } from 'vitest';
import { defaultDocument, inlinePolicies, isAwsManaged, isServiceLinkedRole, partitionOf } from './iam.js';
import { managedPolicy, role } from './iam.test-helpers.js';

describe('iam readers', () => {
  it('tells AWS-managed policies and service-linked roles apart', () => {
    expect(isAwsManaged(managedPolicy('ReadOnlyAccess', {}, { aws: true }))).toBe(true);
    expect(isAwsManaged(managedPolicy('mine', {}))).toBe(false);
    expect(isServiceLinkedRole(role('AWSServiceRoleForRDS', {}, '/aws-service-role/'))).toBe(true);
    expect(isServiceLinkedRole(role('app', {}))).toBe(false);
  });
  it('reads the default version and inline lists, undefined when not recorded', () => {
    expect(defaultDocument(managedPolicy('p', { Statement: [] }))).toEqual({ Statement: [] });
    expect(defaultDocument(managedPolicy('p', undefined))).toBeUndefined();
    expect(inlinePolicies(role('r', { a: { Statement: [] } }))).toEqual([
      { name: 'a', document: { Statement: [] } },
    ]);
    expect(inlinePolicies(role('r', null))).toBeUndefined();
  });
  it('reads the partition of an ARN', () => {
    expect(partitionOf('arn:aws-us-gov:iam::1:role/x')).toBe('aws-us-gov');
    expect(partitionOf('not-an-arn')).toBe('aws');
  });
});
