/**
 * Organizations collector (global): the service control policies (SCPs) of the organization, as
 * `AWS::Organizations::Policy`, and one `AWS::Organizations::AccountMembership` per account (NOT
 * an AWS Config type) saying where the account stands.
 *
 * SCPs can be listed only by the management account (or a delegated administrator): member
 * accounts get AccessDeniedException. So DescribeOrganization — which any member may call — runs
 * first, and ListPolicies only where the account is the management account (or where
 * DescribeOrganization was itself denied, so we cannot tell). Asking from every member account
 * would leave a permanent gap in every organization-wide collection, for data that is read once
 * from the management account anyway.
 *
 * The membership marker's `configuration`:
 * - `organization`: DescribeOrganization's `Organization` camel-cased (`id`, `arn`, `featureSet`,
 *   `masterAccountId`, `masterAccountArn`; the management account's e-mail address is left out);
 *   `null` when the account is in no organization (AWSOrganizationsNotInUseException: AWS's
 *   answer, not a blind spot, so no gap); missing when DescribeOrganization was denied (a gap).
 * - `policiesRead`: whether ListPolicies answered here. `false` in member accounts (not asked)
 *   and where it was denied (a gap says so).
 *
 * A policy's `configuration` is its PolicySummary camel-cased (`id`, `arn`, `name`, `type`,
 * `awsManaged`, `description`) plus `content` — DescribePolicy's `Content` parsed from JSON (the
 * raw string if it does not parse; missing when denied) — and `targetIds` (ListTargetsForPolicy;
 * missing when denied). `supplementary.targets` has each target's `targetId`, `arn`, `name` and
 * `type` (ROOT | ORGANIZATIONAL_UNIT | ACCOUNT). Tags of customer policies from
 * ListTagsForResource (AWS-managed policies such as FullAWSAccess cannot be tagged).
 */
import {
  AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  type Organization,
  OrganizationsClient,
  type PolicySummary,
  type PolicyTargetSummary,
  paginateListPolicies,
  paginateListTagsForResource,
  paginateListTargetsForPolicy,
  type Tag,
} from '@aws-sdk/client-organizations';
import { type CloudResource, tagRecord } from '../../../../core/cloud.js';
import type { AwsContext, AwsServiceCollector } from '../context.js';
import { allPages, cloudResource, configShape } from './compute-resource.js';

/** The per-account marker type (see the header). */
export const ORG_MEMBERSHIP_TYPE = 'AWS::Organizations::AccountMembership';

/** Collects the account's organization membership and, in the management account, the SCPs. */
export const organizationsCollector: AwsServiceCollector = {
  service: 'organizations',
  scope: 'global',
  async collect(ctx) {
    const org = new OrganizationsClient(ctx.client);
    try {
      let organization = await ctx.guarded('organizations', 'DescribeOrganization', () =>
        notInUse(async () => (await org.send(new DescribeOrganizationCommand({}))).Organization ?? null),
      );
      let policies: CloudResource[] | undefined;
      if (organization === undefined || organization?.MasterAccountId === ctx.account) {
        const listed = await ctx.guarded('organizations', 'ListPolicies', () =>
          notInUse(() =>
            allPages(
              paginateListPolicies({ client: org }, { Filter: 'SERVICE_CONTROL_POLICY' }),
              (p) => p.Policies,
            ),
          ),
        );
        if (listed === null) organization = null;
        else if (listed !== undefined) {
          policies = [];
          for (const p of listed) if (p.Id && p.Arn) policies.push(await policy(ctx, org, p, p.Id, p.Arn));
        }
      }
      return [membership(ctx, organization, policies !== undefined), ...(policies ?? [])];
    } finally {
      org.destroy();
    }
  },
};

// "Not in an organization" is an answer: null, where every other failure goes to ctx.guarded.
async function notInUse<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof AWSOrganizationsNotInUseException) return null;
    throw err;
  }
}

function membership(
  ctx: AwsContext,
  organization: Organization | null | undefined,
  policiesRead: boolean,
): CloudResource {
  const configuration: Record<string, unknown> = { policiesRead };
  if (organization !== undefined) {
    configuration.organization =
      organization === null
        ? null
        : configShape({ ...organization, MasterAccountEmail: undefined, AvailablePolicyTypes: undefined });
  }
  return cloudResource(ctx, {
    type: ORG_MEMBERSHIP_TYPE,
    id: `arn:${ctx.partition}:organizations::${ctx.account}:account-membership`,
    name: `organization membership of ${ctx.account}`,
    configuration,
  });
}

async function policy(
  ctx: AwsContext,
  org: OrganizationsClient,
  summary: PolicySummary,
  PolicyId: string,
  arn: string,
): Promise<CloudResource> {
  const described = await ctx.guarded('organizations', 'DescribePolicy', () =>
    org.send(new DescribePolicyCommand({ PolicyId })),
  );
  const targets = await ctx.guarded('organizations', 'ListTargetsForPolicy', () =>
    allPages(paginateListTargetsForPolicy({ client: org }, { PolicyId }), (p) => p.Targets),
  );
  let tags: Tag[] | undefined;
  if (summary.AwsManaged !== true) {
    tags = await ctx.guarded('organizations', 'ListTagsForResource', () =>
      allPages(paginateListTagsForResource({ client: org }, { ResourceId: PolicyId }), (p) => p.Tags),
    );
  }
  const configuration = configShape(summary);
  const content = described?.Policy?.Content;
  if (content !== undefined) configuration.content = parsed(content);
  const supplementary: Record<string, unknown> = {};
  if (targets !== undefined) {
    configuration.targetIds = targets.flatMap((t: PolicyTargetSummary) => (t.TargetId ? [t.TargetId] : []));
    supplementary.targets = targets.map((t) => configShape(t));
  }
  return cloudResource(ctx, {
    type: 'AWS::Organizations::Policy',
    id: arn,
    name: summary.Name ?? PolicyId,
    tags: tagRecord(tags ?? []),
    configuration,
    supplementary,
  });
}

function parsed(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return content;
  }
}
