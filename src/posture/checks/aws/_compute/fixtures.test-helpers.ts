/** Tiny inline snapshots for the compute/network check specs. */
import type { CloudResource, CloudSnapshot, CollectionGap } from '../../../../core/cloud.js';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';
export const COLLECTED_AT = '2026-06-01T00:00:00.000Z';

/** An AWS resource in the fixture account and region. */
export function res(
  type: string,
  id: string,
  r: Partial<Pick<CloudResource, 'tags' | 'configuration' | 'supplementary' | 'name'>> = {},
): CloudResource {
  return {
    provider: 'aws',
    account: ACCOUNT,
    region: REGION,
    type,
    id,
    name: r.name ?? id,
    tags: r.tags ?? {},
    configuration: r.configuration ?? {},
    supplementary: r.supplementary ?? {},
    source: 'aws-sdk',
  };
}

/** A gap in the fixture account and region. */
export function gap(service: string, reason: string): CollectionGap {
  return { provider: 'aws', account: ACCOUNT, region: REGION, service, reason };
}

/** A snapshot of the fixture account holding `resources`. */
export function snap(resources: CloudResource[], gaps: CollectionGap[] = []): CloudSnapshot {
  return {
    provider: 'aws',
    collectedAt: COLLECTED_AT,
    accounts: [ACCOUNT],
    regions: [REGION],
    resources,
    gaps,
  };
}

/** An EC2 instance resource with the fields the checks read. */
export function instance(
  id: string,
  configuration: Record<string, unknown>,
  tags: Record<string, string> = {},
  supplementary: Record<string, unknown> = {},
): CloudResource {
  return res('AWS::EC2::Instance', `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`, {
    tags,
    configuration: { instanceId: id, ...configuration },
    supplementary,
  });
}

/** Status of each result, keyed by resource id (the compact shape the specs compare). */
export function statuses(results: { resourceId: string; status: string }[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.resourceId, r.status]));
}
