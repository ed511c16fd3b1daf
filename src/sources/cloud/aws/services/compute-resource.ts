/**
 * Small helpers shared by the compute collectors (EC2, SSM, ECR, Lambda): ARNs in the collected
 * account and region, the CloudResource envelope, and draining an SDK paginator.
 */
import { awsConfigShape, type CloudResource } from '../../../../core/cloud.js';
import type { AwsContext } from '../context.js';

/** Resource type of ECR images. NOT an AWS Config type: Config does not record images (ecr.ts). */
export const ECR_IMAGE_TYPE = 'AWS::ECR::Image';

/** What produced the resources of these collectors (core/cloud.ts `source`). */
export const SDK_SOURCE = 'aws-sdk';

/** `arn:<partition>:<service>:<region>:<account>:<resource>` of the context (ARN format, IAM User Guide). */
export function regionalArn(ctx: AwsContext, service: string, resource: string): string {
  return `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account}:${resource}`;
}

/** The envelope of one resource seen in the context's account and region. */
export function cloudResource(
  ctx: AwsContext,
  r: Pick<CloudResource, 'type' | 'id' | 'name' | 'configuration'> &
    Partial<Pick<CloudResource, 'tags' | 'supplementary'>>,
): CloudResource {
  return {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
    type: r.type,
    id: r.id,
    name: r.name,
    tags: r.tags ?? {},
    configuration: r.configuration,
    supplementary: r.supplementary ?? {},
    source: SDK_SOURCE,
  };
}

/** `awsConfigShape` of an SDK structure, typed as the object it is. */
export function configShape(value: object): Record<string, unknown> {
  return awsConfigShape(value) as Record<string, unknown>;
}

/** Every item of every page of an SDK paginator. */
export async function allPages<P, T>(
  pages: AsyncIterable<P>,
  items: (page: P) => T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** Consecutive slices of at most `size` items (APIs that cap the ids of one request). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
