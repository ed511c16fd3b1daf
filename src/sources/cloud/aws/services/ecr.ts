/**
 * Amazon ECR collector (regional): repositories as `AWS::ECR::Repository` items and every image
 * of them as `AWS::ECR::Image` (Amazon ECR API Reference: DescribeRepositories, DescribeImages,
 * ListTagsForResource).
 *
 * Config records ECR repositories in the CloudFormation resource shape (PascalCase:
 * `RepositoryName`, `ImageScanningConfiguration.ScanOnPush`, `ImageTagMutability` — see the
 * AWS::ECR::Repository properties of awslabs/aws-config-resource-schema), so the repository
 * configuration is built in that shape rather than camel-cased from the API.
 *
 * `AWS::ECR::Image` is NOT an AWS Config resource type: Config does not record images. We name
 * it in Config's style so images sit in the snapshot beside everything else; its configuration
 * is the API's `ImageDetail` (already camelCase on the wire). Images carry their repository's
 * tags, since ECR tags repositories, not images.
 */
import {
  ECRClient,
  type ImageDetail,
  ListTagsForResourceCommand,
  paginateDescribeImages,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape, ECR_IMAGE_TYPE, regionalArn } from './compute-resource.js';

export const ecrCollector: AwsServiceCollector = {
  service: 'ecr',
  scope: 'regional',
  async collect(ctx) {
    const ecr = new ECRClient(ctx.client);
    try {
      return await collectRegion(ecr, ctx);
    } finally {
      ecr.destroy();
    }
  },
};

/** A repository in the CloudFormation/Config shape of AWS::ECR::Repository. */
export function repositoryConfiguration(r: Repository): Record<string, unknown> {
  const out: Record<string, unknown> = {
    RepositoryName: r.repositoryName,
    Arn: r.repositoryArn,
    RepositoryUri: r.repositoryUri,
    ImageTagMutability: r.imageTagMutability,
    ImageScanningConfiguration: { ScanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false },
    EncryptionConfiguration: {
      EncryptionType: r.encryptionConfiguration?.encryptionType,
      ...(r.encryptionConfiguration?.kmsKey !== undefined && { KmsKey: r.encryptionConfiguration.kmsKey }),
    },
    RegistryId: r.registryId,
    CreatedAt: r.createdAt?.toISOString(),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

/** An image's configuration: the API's ImageDetail with ISO dates. */
export function imageConfiguration(image: ImageDetail): Record<string, unknown> {
  // `findingSeverityCounts` keeps its CRITICAL/HIGH keys: awsConfigShape knows it is a map.
  return configShape(image);
}

async function collectRegion(ecr: ECRClient, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeRepositories and DescribeImages: maxResults 1–1000.
  const repos = await ctx.guarded('ecr', 'DescribeRepositories', () =>
    allPages(paginateDescribeRepositories({ client: ecr, pageSize: 1000 }, {}), (p) => p.repositories),
  );
  if (repos === undefined) return [];
  const named = repos.filter((r) => r.repositoryName && r.repositoryArn);
  const tags = new Map<string, Record<string, string>>();
  // Stop at the first denial of a per-repository call: one policy denies them all.
  await ctx.guarded('ecr', 'ListTagsForResource', async () => {
    for (const r of named) {
      const out = await ecr.send(new ListTagsForResourceCommand({ resourceArn: r.repositoryArn }));
      tags.set(r.repositoryArn as string, tagRecord(out.tags));
    }
  });
  const out: CloudResource[] = named.map((r) =>
    cloudResource(ctx, {
      type: 'AWS::ECR::Repository',
      id: r.repositoryArn as string,
      name: r.repositoryName as string,
      tags: tags.get(r.repositoryArn as string) ?? {},
      configuration: repositoryConfiguration(r),
    }),
  );
  await ctx.guarded('ecr', 'DescribeImages', async () => {
    for (const r of named) {
      const name = r.repositoryName as string;
      const pages = paginateDescribeImages(
        { client: ecr, pageSize: 1000 },
        { repositoryName: name, ...(r.registryId !== undefined && { registryId: r.registryId }) },
      );
      for (const image of await allPages(pages, (p) => p.imageDetails)) {
        if (!image.imageDigest) continue;
        out.push(
          cloudResource(ctx, {
            type: ECR_IMAGE_TYPE,
            id: regionalArn(ctx, 'ecr', `repository/${name}@${image.imageDigest}`),
            name: `${name}@${image.imageDigest}`,
            tags: tags.get(r.repositoryArn as string) ?? {},
            configuration: imageConfiguration(image),
          }),
        );
      }
    }
  });
  return out;
}
