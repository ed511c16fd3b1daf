/**
 * EC2 collector (regional): instances with the AMIs they run, volumes, security groups, subnets
 * with their route tables, VPCs, VPC endpoints and the region's EBS encryption-by-default
 * setting, as AWS Config configuration items (`configuration` = the EC2 API Reference describe
 * shapes camel-cased, which is how Config derives its EC2 items).
 *
 * Every operation is guarded on its own: a principal denied DescribeVolumes still yields its
 * instances, and the denial is a gap. Paginated operations use the SDK paginators at the API's
 * largest page (EC2 API Reference, each action's `MaxResults` range).
 */
import {
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  type Image,
  type Instance,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type RouteTable,
  type Subnet,
} from '@aws-sdk/client-ec2';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, batches, cloudResource, configShape, regionalArn } from './compute-resource.js';
import { configPermissions, subnetRouting } from './ec2-network.js';

/** Not an AWS Config type: Config has no item for this account-region setting (only a rule). */
export const EBS_ENCRYPTION_BY_DEFAULT_TYPE = 'AWS::EC2::EBSEncryptionByDefault';

// EC2 accepts up to 200 values in one filter (EC2 API Reference, "Filter" data type).
const IMAGE_FILTER_VALUES = 200;

export const ec2Collector: AwsServiceCollector = {
  service: 'ec2',
  scope: 'regional',
  async collect(ctx) {
    const ec2 = new EC2Client(ctx.client);
    try {
      return [
        ...(await instances(ec2, ctx)),
        ...(await volumes(ec2, ctx)),
        ...(await securityGroups(ec2, ctx)),
        ...(await network(ec2, ctx)),
        ...(await vpcEndpoints(ec2, ctx)),
        ...(await ebsDefault(ec2, ctx)),
      ];
    } finally {
      ec2.destroy();
    }
  },
};

/** The AMI facts an instance resource carries so AMI age and deprecation can be judged. */
export function imageSummary(image: Image): Record<string, unknown> {
  return configShape({
    ImageId: image.ImageId,
    Name: image.Name,
    OwnerId: image.OwnerId,
    ImageOwnerAlias: image.ImageOwnerAlias,
    CreationDate: image.CreationDate,
    DeprecationTime: image.DeprecationTime,
  });
}

async function instances(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeInstances MaxResults 5–1000; the paginator follows NextToken.
  const found = await ctx.guarded('ec2', 'DescribeInstances', () =>
    allPages(paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {}), (p) =>
      p.Reservations?.flatMap((r) => r.Instances ?? []),
    ),
  );
  if (found === undefined) return [];
  const amiIds = [...new Set(found.flatMap((i) => (i.ImageId ? [i.ImageId] : [])))].sort();
  const images = await describeImages(ec2, ctx, amiIds);
  return found.flatMap((i) => (i.InstanceId ? [instanceResource(ctx, i, i.InstanceId, images)] : []));
}

function instanceResource(
  ctx: AwsContext,
  i: Instance,
  id: string,
  images: Map<string, Image> | undefined,
): CloudResource {
  const tags = tagRecord(i.Tags);
  const supplementary: Record<string, unknown> = {};
  const image = i.ImageId ? images?.get(i.ImageId) : undefined;
  if (image) supplementary.image = imageSummary(image);
  else if (i.ImageId) {
    supplementary.imageUnavailable =
      images === undefined
        ? 'DescribeImages was not permitted (see the collection gaps)'
        : 'DescribeImages did not return the image: deregistered, or no longer shared with this account';
  }
  return cloudResource(ctx, {
    type: 'AWS::EC2::Instance',
    id: regionalArn(ctx, 'ec2', `instance/${id}`),
    name: tags.Name || id,
    tags,
    configuration: configShape(i),
    supplementary,
  });
}

// Asking by `ImageIds` fails the whole request with InvalidAMIID.NotFound when one AMI was
// deregistered (EC2 API Reference, "Error codes"); the `image-id` filter returns what exists.
// Owners is not set, so AMIs shared with the account are found too; deprecated and disabled
// AMIs are excluded by default and are exactly the ones worth reporting, so they are asked for.
async function describeImages(
  ec2: EC2Client,
  ctx: AwsContext,
  ids: string[],
): Promise<Map<string, Image> | undefined> {
  const byId = new Map<string, Image>();
  if (ids.length === 0) return byId;
  const ok = await ctx.guarded('ec2', 'DescribeImages', async () => {
    for (const Values of batches(ids, IMAGE_FILTER_VALUES)) {
      const input = {
        Filters: [{ Name: 'image-id', Values }],
        IncludeDeprecated: true,
        IncludeDisabled: true,
      };
      for await (const page of paginateDescribeImages({ client: ec2, pageSize: 1000 }, input)) {
        for (const image of page.Images ?? []) if (image.ImageId) byId.set(image.ImageId, image);
      }
    }
    return true;
  });
  return ok ? byId : undefined;
}

async function volumes(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeVolumes MaxResults 5–500.
  const found = await ctx.guarded('ec2', 'DescribeVolumes', () =>
    allPages(paginateDescribeVolumes({ client: ec2, pageSize: 500 }, {}), (p) => p.Volumes),
  );
  return (found ?? []).flatMap((v) => {
    if (!v.VolumeId) return [];
    const tags = tagRecord(v.Tags);
    return [
      cloudResource(ctx, {
        type: 'AWS::EC2::Volume',
        id: regionalArn(ctx, 'ec2', `volume/${v.VolumeId}`),
        name: tags.Name || v.VolumeId,
        tags,
        configuration: configShape(v),
      }),
    ];
  });
}

async function securityGroups(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeSecurityGroups MaxResults 5–1000.
  const found = await ctx.guarded('ec2', 'DescribeSecurityGroups', () =>
    allPages(paginateDescribeSecurityGroups({ client: ec2, pageSize: 1000 }, {}), (p) => p.SecurityGroups),
  );
  return (found ?? []).flatMap((g) => {
    if (!g.GroupId) return [];
    const configuration = configShape(g);
    configuration.ipPermissions = configPermissions(g.IpPermissions, configShape);
    configuration.ipPermissionsEgress = configPermissions(g.IpPermissionsEgress, configShape);
    return [
      cloudResource(ctx, {
        type: 'AWS::EC2::SecurityGroup',
        id: g.SecurityGroupArn ?? regionalArn(ctx, 'ec2', `security-group/${g.GroupId}`),
        name: g.GroupName ?? g.GroupId,
        tags: tagRecord(g.Tags),
        configuration,
      }),
    ];
  });
}

async function network(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeSubnets and DescribeVpcs MaxResults 5–1000, DescribeRouteTables 5–100.
  const subnets = await ctx.guarded('ec2', 'DescribeSubnets', () =>
    allPages(paginateDescribeSubnets({ client: ec2, pageSize: 1000 }, {}), (p) => p.Subnets),
  );
  const tables = await ctx.guarded('ec2', 'DescribeRouteTables', () =>
    allPages(paginateDescribeRouteTables({ client: ec2, pageSize: 100 }, {}), (p) => p.RouteTables),
  );
  const vpcs = await ctx.guarded('ec2', 'DescribeVpcs', () =>
    allPages(paginateDescribeVpcs({ client: ec2, pageSize: 1000 }, {}), (p) => p.Vpcs),
  );
  return [
    ...subnetResources(ctx, subnets ?? [], tables),
    ...(tables ?? []).flatMap((t) => routeTableResource(ctx, t)),
    ...(vpcs ?? []).flatMap((v) => {
      if (!v.VpcId) return [];
      const tags = tagRecord(v.Tags);
      const id = regionalArn(ctx, 'ec2', `vpc/${v.VpcId}`);
      return [
        cloudResource(ctx, {
          type: 'AWS::EC2::VPC',
          id,
          name: tags.Name || v.VpcId,
          tags,
          configuration: configShape(v),
        }),
      ];
    }),
  ];
}

// Without route tables publicity is unknown: `supplementary.public` is then left out, not false.
function subnetResources(
  ctx: AwsContext,
  subnets: Subnet[],
  tables: RouteTable[] | undefined,
): CloudResource[] {
  const routing = tables ? subnetRouting(subnets, tables) : undefined;
  return subnets.flatMap((s) => {
    if (!s.SubnetId) return [];
    const tags = tagRecord(s.Tags);
    const route = routing?.get(s.SubnetId);
    return [
      cloudResource(ctx, {
        type: 'AWS::EC2::Subnet',
        id: s.SubnetArn ?? regionalArn(ctx, 'ec2', `subnet/${s.SubnetId}`),
        name: tags.Name || s.SubnetId,
        tags,
        configuration: configShape(s),
        supplementary: route ? { public: route.public, routeTableId: route.routeTableId } : {},
      }),
    ];
  });
}

function routeTableResource(ctx: AwsContext, t: RouteTable): CloudResource[] {
  if (!t.RouteTableId) return [];
  const tags = tagRecord(t.Tags);
  return [
    cloudResource(ctx, {
      type: 'AWS::EC2::RouteTable',
      id: regionalArn(ctx, 'ec2', `route-table/${t.RouteTableId}`),
      name: tags.Name || t.RouteTableId,
      tags,
      configuration: configShape(t),
    }),
  ];
}

async function vpcEndpoints(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  // DescribeVpcEndpoints returns at most 1000 items a page.
  const found = await ctx.guarded('ec2', 'DescribeVpcEndpoints', () =>
    allPages(paginateDescribeVpcEndpoints({ client: ec2, pageSize: 1000 }, {}), (p) => p.VpcEndpoints),
  );
  return (found ?? []).flatMap((e) => {
    if (!e.VpcEndpointId) return [];
    const tags = tagRecord(e.Tags);
    return [
      cloudResource(ctx, {
        type: 'AWS::EC2::VPCEndpoint',
        id: regionalArn(ctx, 'ec2', `vpc-endpoint/${e.VpcEndpointId}`),
        name: tags.Name || e.VpcEndpointId,
        tags,
        configuration: configShape(e),
      }),
    ];
  });
}

/**
 * The region's EBS encryption-by-default switch (EC2 API Reference, GetEbsEncryptionByDefault)
 * as one resource with id `arn:<partition>:ec2:<region>:<account>:ebs-encryption-by-default`:
 * there is no real ARN for it, and this one is unique per account and region and reads as what
 * it is.
 */
async function ebsDefault(ec2: EC2Client, ctx: AwsContext): Promise<CloudResource[]> {
  const out = await ctx.guarded('ec2', 'GetEbsEncryptionByDefault', () =>
    ec2.send(new GetEbsEncryptionByDefaultCommand({})),
  );
  if (out === undefined) return [];
  return [
    cloudResource(ctx, {
      type: EBS_ENCRYPTION_BY_DEFAULT_TYPE,
      id: regionalArn(ctx, 'ec2', 'ebs-encryption-by-default'),
      name: `ebs-encryption-by-default ${ctx.region}`,
      configuration: configShape({
        EbsEncryptionByDefault: out.EbsEncryptionByDefault ?? false,
        SseType: out.SseType,
      }),
    }),
  ];
}
